import Foundation

/// Renders an assessment report as text, Markdown, JSON or HTML (the last two from its `AssessmentDocument`).
public struct AssessmentRenderer: Sendable {
  public let pack: ContentPack
  public var width: Int
  public var styler: any TextStyler

  public init(pack: ContentPack, width: Int = 80, styler: any TextStyler = PlainStyler()) {
    self.pack = pack
    self.width = max(40, width)
    self.styler = styler
  }

  /// The report in full: for text, the first screen followed by the details.
  public func render(_ report: AssessmentReport, as format: OutputFormat) -> String {
    switch format {
    case .text: return text(report)
    case .markdown: return markdown(report)
    case .json: return JSONOutput.encode(AssessmentDocument(report, pack: pack))
    case .html: return AssessmentHTML(pack: pack).render(AssessmentDocument(report, pack: pack))
    }
  }

  // MARK: Names

  func roleName(_ id: String) -> String { pack.assessedRole(id)?.name ?? id }
  func colored(_ text: String, role id: String) -> String { styler.colored(text, as: pack.assessedRole(id)?.color) }

  func headline(_ fit: AssessmentResult.Fit) -> String {
    if fit.isUnclear {
      return "\(fit.bandName): too few of the answers speak for any role to name one"
    }
    if fit.isHybrid {
      return "\(fit.bandName): between the roles, leaning slightly to \(roleName(fit.role).lowercased())"
    }
    if pack.isOtherRole(fit.role) {
      let core = pack.roles.map { $0.name.lowercased() }.joined(separator: " or ")
      return "\(roleName(fit.role)), \(fit.bandName.lowercased()): your work reads more like this than \(core) work"
    }
    return "\(roleName(fit.role)), \(fit.bandName.lowercased())"
  }

  /// What the verdict is called: a fit for current work, what draws you for preferences.
  func verdictLabel(_ result: AssessmentResult) -> String {
    result.track == .preference ? "What draws you: " : "Your fit: "
  }

  /// The three figures in plain words: stability, evidence strength, and what lowered the confidence.
  func figures(_ result: AssessmentResult) -> [String] {
    var lines = [
      "Stability \(TextWrap.percent(result.stability)): the same verdict in that share of resamples of your answers.",
      "Evidence \(TextWrap.percent(result.evidenceStrength)): how much of your answers speaks for any role at all.",
    ]
    if !result.warnings.isEmpty {
      lines.append(
        "Response quality: \(TextWrap.count(result.warnings.count, "problem")) found (above); each lowers the confidence."
      )
    }
    if result.track == .preference {
      lines.append("You manage no work yet, so these answers say what draws you, not how your work fits.")
    }
    return lines
  }

  /// A claim's text and the title of the article it comes from (never its id).
  func sourceLine(_ claim: AssessmentDocument.ClaimRef) -> String { "\(claim.text) (“\(claim.sourceTitle)”)" }

  /// A changed answer in the question's and the options' words: `Question text: "yours" → "other"`.
  func changeLine(_ change: AssessmentDocument.Change) -> String {
    "\(change.questionText) “\(change.fromText)” → “\(change.toText)”"
  }

  func edgeSentence(_ edge: AssessmentResult.Edge) -> String {
    let count = TextWrap.count(edge.changes.count, "answer")
    let band = pack.scoring.bands.first { $0.id == edge.newBand }?.name.lowercased() ?? edge.newBand
    let role = roleName(edge.newRole).lowercased()
    if edge.newBand == pack.scoring.bands.last?.id {
      return edge.kind == .band
        ? "Changing \(count) would make it \(band), between the roles:"
        : "Changing \(count) would tip it to \(role), \(band):"
    }
    switch edge.kind {
    case .band: return "Changing \(count) would make it \(band) \(role):"
    case .role: return "Changing \(count) would tip it to \(role) (\(band)):"
    }
  }

  /// The claims of an evidence item that speak for the role it points to (or for neither).
  func supportingClaims(_ item: AssessmentResult.Evidence) -> [String] {
    let matching = item.claims.filter { id in pack.claim(id).map { $0.role == nil || $0.role == item.towards } ?? false
    }
    return Array((matching.isEmpty ? item.claims : matching).prefix(2))
  }

  /// How many changes of an edge to list in text before "and N more".
  static let changesShown = 4
  /// How many reasons the first screen gives, and the fewest it gives when quality problems
  /// take room on it.
  static let reasonsShown = 3
  static let fewestReasons = 2
  /// The lines of one terminal screen, which the first screen tries to fit in.
  static let screenLines = 24
  /// Answers shorter than this are shown with their question on the first screen.
  static let shortAnswer = 40

  func stepTitle(_ step: LearningPlan.Step) -> String {
    switch step.subject {
    case .credential(let id): return pack.credential(id).map { "\($0.short): \($0.name)" } ?? id
    case .topic(let topic): return topic
    }
  }

  // MARK: Text

  /// The first screen and everything after it: areas, every answer that counted with its
  /// source, what would change it and the whole path.
  func text(_ report: AssessmentReport) -> String {
    let document = AssessmentDocument(report, pack: pack)
    return summary(report, document, more: nil) + details(report, document)
  }

  /// What `details` adds to the first screen.
  public func details(_ report: AssessmentReport) -> String { details(report, AssessmentDocument(report, pack: pack)) }

  /// The details, their words taken from `document` (the result's own document); the bars are
  /// drawn from the result's unrounded shares, as on the first screen, and the learning path from
  /// the plan.
  func details(_ report: AssessmentReport, _ document: AssessmentDocument) -> String {
    let result = report.result
    var out: [String] = [""]
    // The figures behind the confidence line, and every role the answers were scored for.
    out.append(styler.bold("\(document.summary.label) ") + document.summary.headline)
    for line in document.summary.figures {
      out.append(styler.dim(TextWrap.wrap(line, width: width, indent: "    ", firstIndent: "  ")))
    }
    out.append("")
    let nameWidth = document.roles.map(\.name.count).max() ?? 10
    for (score, role) in zip(result.scores, document.roles) {
      let name = role.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let bar = max(10, min(24, width - nameWidth - 10))
      out.append(
        "  \(name)  \(colored(Bar.draw(score.share, width: bar), role: score.role)) \(TextWrap.percent(score.share))")
    }
    out.append("")
    out.append(styler.bold("By area"))
    let areaWidth = pack.areas.map(\.name.count).max() ?? 10
    let pair = leadingPair(result)
    for (area, worded) in zip(result.areas, document.areas) {
      let name = worded.name.padding(toLength: areaWidth, withPad: " ", startingAt: 0)
      guard area.answered > 0 else {
        out.append("  \(name)  " + styler.dim("not answered"))
        continue
      }
      let counted = styler.dim(" (\(area.answered)/\(area.total))")
      if let pair {
        out.append(
          "  \(name)  "
            + splitBar((pair.0, area.shares[pair.0] ?? 0), (pair.1, area.shares[pair.1] ?? 0), width: 10) + counted)
      }
      // The roles the bar leaves out, when the area's answers gave them any weight.
      let others = result.scores.map(\.role).filter { $0 != pair?.0 && $0 != pair?.1 }.compactMap { role in
        (area.shares[role] ?? 0) >= 0.005 ? "\(shortName(role)) \(TextWrap.percent(area.shares[role] ?? 0))" : nil
      }
      if !others.isEmpty {
        out.append(
          styler.dim(
            TextWrap.wrap(
              "also " + others.joined(separator: " · "), width: width,
              indent: String(repeating: " ", count: areaWidth + 6),
              firstIndent: String(repeating: " ", count: areaWidth + 4))))
      }
    }
    if !document.evidence.isEmpty {
      out.append("")
      out.append(styler.bold("Why: the answers that moved it most"))
      for (index, item) in document.evidence.enumerated() {
        out.append(TextWrap.wrap(item.text, width: width, indent: "     ", firstIndent: "  \(index + 1). "))
        out.append(
          TextWrap.wrap(
            "You: “\(item.answer)” → \(item.towardsName.lowercased())", width: width, indent: "     ",
            firstIndent: "     "))
        for claim in item.claims {
          out.append(
            styler.dim(
              TextWrap.wrap(
                "Source: \(sourceLine(claim))", width: width, indent: "       ", firstIndent: "     ")
            ))
        }
      }
    }
    if !document.whatWouldChangeIt.isEmpty {
      out.append("")
      out.append(styler.bold("What would change it"))
      for edge in document.whatWouldChangeIt {
        out.append(TextWrap.wrap(edge.sentence, width: width, indent: "    ", firstIndent: "  "))
        let changes = edge.changes.map(changeLine)
        for change in changes.prefix(Self.changesShown) {
          out.append(TextWrap.wrap(change, width: width, indent: "      ", firstIndent: "    - "))
        }
        if changes.count > Self.changesShown {
          out.append(
            styler.dim(
              TextWrap.wrap(
                "- and \(changes.count - Self.changesShown) more (the JSON and Markdown reports list them all)",
                width: width, indent: "      ", firstIndent: "    ")))
        }
      }
    }
    if document.path != nil {
      out.append("")
      out += pathLines(document)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The whole learning path: its steps ahead with eligibility, the steps behind, other paths.
  func pathLines(_ document: AssessmentDocument) -> [String] {
    guard let path = document.path else { return [] }
    var out: [String] = []
    out.append(styler.bold(TextWrap.wrap("Learning path: \(path.title)", width: width, indent: "  ", firstIndent: "")))
    if !path.summary.isEmpty {
      out.append(TextWrap.wrap(path.summary, width: width, indent: "  ", firstIndent: "  "))
    }
    if !path.done.isEmpty {
      out.append(
        styler.dim(
          TextWrap.wrap(
            "Already behind you: " + path.done.joined(separator: "; "), width: width, indent: "    ",
            firstIndent: "  ")))
    }
    for entry in document.pathSteps {
      switch entry {
      case .credential(let step):
        out.append(
          styler.bold(
            TextWrap.wrap(
              "\(step.position). \(step.title): \(step.statusText)", width: width, indent: "     ", firstIndent: "  ")))
        out.append(TextWrap.wrap(step.detail, width: width, indent: "     ", firstIndent: "     "))
        if !step.verified || step.note != nil {
          let caveat = (step.verified ? "" : Self.unverified + " ") + (step.note ?? "")
          out.append(
            styler.dim(TextWrap.wrap("Note: \(caveat)", width: width, indent: "     ", firstIndent: "     ")))
        }
        out.append(whyHere(step.why))
      case .topic(let topic):
        out.append(
          styler.bold(
            TextWrap.wrap("\(topic.position). \(topic.topic)", width: width, indent: "     ", firstIndent: "  ")))
        out.append(whyHere(topic.why))
      }
    }
    if !path.alternatives.isEmpty {
      out.append(
        styler.dim(
          TextWrap.wrap(
            "Other paths: " + path.alternatives.joined(separator: "; "), width: width, indent: "    ",
            firstIndent: "  ")))
    }
    return out
  }

  private func whyHere(_ why: String) -> String {
    styler.dim(TextWrap.wrap("Why here: \(why)", width: width, indent: "     ", firstIndent: "     "))
  }

  /// Every answer given, in the order the questions are asked, in the questions' and options' words.
  public func answerList(_ report: AssessmentReport, as format: OutputFormat) -> String {
    let questions = AssessmentRun(pack: pack, answers: report.answers).questions.filter { report.answers[$0.id] != nil }
    var out: [String] = [format == .markdown ? "## Your answers" : styler.bold("Your answers"), ""]
    for (index, question) in questions.enumerated() {
      guard let value = report.answers[question.id] else { continue }
      if format == .markdown {
        out.append("\(index + 1). \(question.text) **\(question.describe(value))**")
      } else {
        out.append(TextWrap.wrap(question.text, width: width, indent: "     ", firstIndent: "  \(index + 1). "))
        out.append(
          TextWrap.wrap("You: “\(question.describe(value))”", width: width, indent: "     ", firstIndent: "     "))
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// What a credential marked unverified tells the user.
  public static let unverified =
    "Unverified: these facts come from training providers or blogs, or were not re-checked with the issuing body."

  func statusText(_ eligibility: Eligibility) -> String {
    switch eligibility.status {
    case .held: return "held"
    case .eligible: return "eligible now"
    case .eligibleIn:
      let kind = eligibility.waitingFor.map { " of \($0.rawValue) work" } ?? ""
      return "eligible in \(eligibility.months ?? 0) months\(kind)\(eligibility.alsoTraining ? ", once trained" : "")"
    case .notEligible: return eligibility.courseOnly ? "open to you: take the course" : "not yet eligible"
    }
  }

  func format2(_ value: Double) -> String { String(format: "%.2f", value) }

  // MARK: Markdown

  /// The Markdown page, walking the document as the HTML page does.
  func markdown(_ report: AssessmentReport) -> String {
    let document = AssessmentDocument(report, pack: pack)
    let summary = document.summary
    var out: [String] = ["# rolefit assessment", ""]
    for warning in document.warnings {
      out.append("> **Warning:** \(warning.message) Treat this result as provisional.")
      out.append("")
    }
    out.append("**\(summary.sentence)**")
    out.append("")
    out.append(
      "**\(summary.label)** \(summary.headline) · \(summary.confidence) · content: \(document.pack.name) \(document.pack.version)"
    )
    out.append("")
    for line in summary.figures { out.append("- \(line)") }
    out.append("")
    out.append("| Role | Share |")
    out.append("| --- | ---: |")
    for role in document.roles { out.append("| \(role.name) | \(TextWrap.percent(role.share)) |") }
    out.append("")
    out.append("## By area")
    out.append("")
    // Every assessed role a column, in the pack's order.
    let columns = pack.assessedRoles.map { role in document.roles.first { $0.id == role.id }?.name ?? role.name }
    out.append("| Area | " + columns.joined(separator: " | ") + " | Answered |")
    out.append("| --- | " + columns.map { _ in "---:" }.joined(separator: " | ") + " | ---: |")
    for area in document.areas {
      let cells = pack.assessedRoles.map { area.answered > 0 ? TextWrap.percent(area.scores[$0.id] ?? 0) : "–" }
      out.append("| \(area.name) | " + cells.joined(separator: " | ") + " | \(area.answered)/\(area.total) |")
    }
    if !document.evidence.isEmpty {
      out.append("")
      out.append("## Why: the answers that moved it most")
      out.append("")
      for (index, item) in document.evidence.enumerated() {
        out.append("\(index + 1). **\(item.text)** You answered “\(item.answer)” → \(item.towardsName.lowercased()).")
        for claim in item.claims { out.append("   - Source: \(sourceLine(claim))") }
      }
    }
    if !document.whatWouldChangeIt.isEmpty {
      out.append("")
      out.append("## What would change it")
      out.append("")
      for edge in document.whatWouldChangeIt {
        out.append("- \(edge.sentence)")
        for change in edge.changes {
          out.append("  - \(changeLine(change))")
        }
      }
    }
    if let path = document.path {
      out.append("")
      out.append("## Learning path: \(path.title)")
      out.append("")
      if !path.summary.isEmpty {
        out.append(path.summary)
        out.append("")
      }
      if !path.done.isEmpty {
        out.append("Already behind you: " + path.done.joined(separator: "; ") + ".")
        out.append("")
      }
      for (index, entry) in document.pathSteps.enumerated() {
        switch entry {
        case .credential(let step):
          out.append("\(index + 1). **\(step.title)**: \(step.statusText). \(step.detail) *Why here:* \(step.why)")
        case .topic(let topic): out.append("\(index + 1). **\(topic.topic)** *Why here:* \(topic.why)")
        }
      }
      if !path.alternatives.isEmpty {
        out.append("")
        out.append("Other paths: " + path.alternatives.joined(separator: "; ") + ".")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}

/// Horizontal bars for shares.
public enum Bar {
  /// A bar of `width` cells filled in proportion to `share`.
  public static func draw(_ share: Double, width: Int) -> String {
    let filled = Int((min(max(share, 0), 1) * Double(width)).rounded())
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }
}
