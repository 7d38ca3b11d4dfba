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
  func sourceLine(_ claimID: String) -> String? {
    guard let claim = pack.claim(claimID) else { return nil }
    return "\(claim.text) (“\(pack.source(claim.source)?.title ?? claim.source)”)"
  }

  /// A changed answer in the question's and the options' words: `Question text: "yours" → "other"`.
  func changeList(_ changes: [AssessmentResult.Change]) -> [String] {
    changes.map { "\($0.questionText) “\($0.fromText)” → “\($0.toText)”" }
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
    summary(report, more: nil) + details(report)
  }

  /// What `details` adds to the first screen.
  public func details(_ report: AssessmentReport) -> String {
    let result = report.result
    var out: [String] = [""]
    // The figures behind the confidence line, and every role the answers were scored for.
    out.append(styler.bold("\(verdictLabel(result))") + headline(result.fit))
    for line in figures(result) {
      out.append(styler.dim(TextWrap.wrap(line, width: width, indent: "    ", firstIndent: "  ")))
    }
    out.append("")
    let nameWidth = result.scores.map { roleName($0.role).count }.max() ?? 10
    for score in result.scores {
      let name = roleName(score.role).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let bar = max(10, min(24, width - nameWidth - 10))
      out.append(
        "  \(name)  \(colored(Bar.draw(score.share, width: bar), role: score.role)) \(TextWrap.percent(score.share))")
    }
    out.append("")
    out.append(styler.bold("By area"))
    let areaWidth = pack.areas.map(\.name.count).max() ?? 10
    let pair = leadingPair(result)
    for area in result.areas {
      let name = (pack.area(area.area)?.name ?? area.area).padding(toLength: areaWidth, withPad: " ", startingAt: 0)
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
    if !result.evidence.isEmpty {
      out.append("")
      out.append(styler.bold("Why: the answers that moved it most"))
      for (index, item) in result.evidence.enumerated() {
        out.append(
          TextWrap.wrap("\(item.questionText)", width: width, indent: "     ", firstIndent: "  \(index + 1). "))
        out.append(
          TextWrap.wrap(
            "You: “\(item.answer)” → \(roleName(item.towards).lowercased())", width: width, indent: "     ",
            firstIndent: "     "))
        for claim in supportingClaims(item) {
          if let line = sourceLine(claim) {
            out.append(
              styler.dim(TextWrap.wrap("Source: \(line)", width: width, indent: "       ", firstIndent: "     ")))
          }
        }
      }
    }
    if !result.edges.isEmpty {
      out.append("")
      out.append(styler.bold("What would change it"))
      for edge in result.edges {
        out.append(TextWrap.wrap(edgeSentence(edge), width: width, indent: "    ", firstIndent: "  "))
        let changes = changeList(edge.changes)
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
    if let plan = report.plan {
      out.append("")
      out += pathLines(plan)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The whole learning path: its steps ahead with eligibility, the steps behind, other paths.
  func pathLines(_ plan: LearningPlan) -> [String] {
    var out: [String] = []
    out.append(
      styler.bold(TextWrap.wrap("Learning path: \(plan.path.title)", width: width, indent: "  ", firstIndent: "")))
    if !plan.path.summary.isEmpty {
      out.append(TextWrap.wrap(plan.path.summary, width: width, indent: "  ", firstIndent: "  "))
    }
    if !plan.done.isEmpty {
      let done = plan.done.map { step in
        step.eligibility.map { "\(stepName(step)) (\(statusText($0)))" } ?? stepName(step)
      }
      out.append(
        styler.dim(
          TextWrap.wrap(
            "Already behind you: " + done.joined(separator: "; "), width: width, indent: "    ",
            firstIndent: "  ")))
    }
    for (index, step) in plan.steps.enumerated() {
      var head = "\(index + 1). \(stepTitle(step))"
      if let eligibility = step.eligibility { head += ": " + statusText(eligibility) }
      out.append(styler.bold(TextWrap.wrap(head, width: width, indent: "     ", firstIndent: "  ")))
      if let eligibility = step.eligibility {
        out.append(TextWrap.wrap(eligibility.detail, width: width, indent: "     ", firstIndent: "     "))
        if let credential = pack.credential(eligibility.credential), !credential.verified || credential.note != nil {
          let caveat = (credential.verified ? "" : Self.unverified + " ") + (credential.note ?? "")
          out.append(
            styler.dim(TextWrap.wrap("Note: \(caveat)", width: width, indent: "     ", firstIndent: "     ")))
        }
      }
      out.append(
        styler.dim(TextWrap.wrap("Why here: \(step.why)", width: width, indent: "     ", firstIndent: "     ")))
    }
    let others = plan.alternatives.compactMap { id in pack.paths.first { $0.id == id }?.title }
    if !others.isEmpty {
      out.append(
        styler.dim(
          TextWrap.wrap(
            "Other paths: " + others.joined(separator: "; "), width: width, indent: "    ",
            firstIndent: "  ")))
    }
    return out
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
      return "eligible in \(eligibility.months ?? 0) months\(kind)"
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
        for claim in item.claims { out.append("   - Source: \(claim.text) (“\(claim.sourceTitle)”)") }
      }
    }
    if !document.whatWouldChangeIt.isEmpty {
      out.append("")
      out.append("## What would change it")
      out.append("")
      for edge in document.whatWouldChangeIt {
        out.append("- \(edge.sentence)")
        for change in edge.changes {
          out.append("  - \(change.questionText) “\(change.fromText)” → “\(change.toText)”")
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
      let steps =
        document.learningPath.map { ($0.position, "**\($0.title)**: \($0.statusText). \($0.detail)", $0.why) }
        + document.learningTopics.map { ($0.position, "**\($0.topic)**", $0.why) }
      for (index, step) in steps.sorted(by: { $0.0 < $1.0 }).enumerated() {
        out.append("\(index + 1). \(step.1) *Why here:* \(step.2)")
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
