import Foundation

/// Renders an assessment report as text, Markdown or JSON.
public struct AssessmentRenderer: Sendable {
  public let pack: ContentPack
  public var width: Int
  public var styler: any TextStyler

  public init(pack: ContentPack, width: Int = 80, styler: any TextStyler = PlainStyler()) {
    self.pack = pack
    self.width = max(40, width)
    self.styler = styler
  }

  public func render(_ report: AssessmentReport, as format: OutputFormat) -> String {
    switch format {
    case .text: return text(report)
    case .markdown: return markdown(report)
    case .json: return JSONOutput.encode(AssessmentJSON(report, pack: pack))
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

  func sourceLine(_ claimID: String) -> String? {
    guard let claim = pack.claim(claimID) else { return nil }
    return "\(claim.text) [\(claim.source)]"
  }

  func changeList(_ changes: [AssessmentResult.Change]) -> [String] {
    changes.map { "\($0.question): \($0.from) → \($0.to) (\($0.toText))" }
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

  func stepTitle(_ step: LearningPlan.Step) -> String {
    switch step.subject {
    case .credential(let id): return pack.credential(id).map { "\($0.short): \($0.name)" } ?? id
    case .topic(let topic): return topic
    }
  }

  // MARK: Text

  func text(_ report: AssessmentReport) -> String {
    let result = report.result
    var out: [String] = []
    for warning in result.warnings {
      out.append(
        styler.warning(
          TextWrap.wrap("! \(warning.message) Treat this result as provisional.", width: width, indent: "  ")))
    }
    if !result.warnings.isEmpty { out.append("") }
    out.append(styler.bold(verdictLabel(result)) + colored(styler.bold(headline(result.fit)), role: result.fit.role))
    out.append(
      "Confidence \(String(format2(result.fit.confidence))) "
        + styler.dim("(\(result.answeredScored) of \(result.totalScored) questions answered)"))
    for line in figures(result) {
      out.append(styler.dim(TextWrap.wrap(line, width: width, indent: "    ", firstIndent: "  ")))
    }
    out.append("")
    let nameWidth = pack.assessedRoles.map(\.name.count).max() ?? 10
    for score in result.scores {
      let name = roleName(score.role).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      out.append(
        "  \(name)  \(colored(Bar.draw(score.share, width: 24), role: score.role)) \(TextWrap.percent(score.share))")
    }
    out.append("")
    out.append(styler.bold("By area"))
    let areaWidth = pack.areas.map(\.name.count).max() ?? 10
    for area in result.areas {
      let name = (pack.area(area.area)?.name ?? area.area).padding(toLength: areaWidth, withPad: " ", startingAt: 0)
      guard area.answered > 0,
        let lead = area.shares.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
      else {
        out.append("  \(name)  " + styler.dim("not answered"))
        continue
      }
      let detail = pack.assessedRoles.map { "\($0.short) \(TextWrap.percent(area.shares[$0.id] ?? 0))" }.joined(
        separator: " · ")
      out.append(
        "  \(name)  \(colored(Bar.draw(lead.value, width: 10), role: lead.key)) \(detail) "
          + styler.dim("(\(area.answered)/\(area.total))"))
    }
    if !result.evidence.isEmpty {
      out.append("")
      out.append(styler.bold("Why: the answers that moved it most"))
      for (index, item) in result.evidence.enumerated() {
        out.append(
          TextWrap.wrap("\(item.questionText)", width: width, indent: "     ", firstIndent: "  \(index + 1). "))
        out.append(
          TextWrap.wrap(
            "You: \"\(item.answer)\" → \(roleName(item.towards).lowercased())", width: width, indent: "     ",
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
              "    - and \(changes.count - Self.changesShown) more (the JSON and Markdown reports list them all)"))
        }
      }
    }
    if let plan = report.plan {
      out.append("")
      out.append(styler.bold("Learning path: \(plan.path.title)"))
      if !plan.path.summary.isEmpty {
        out.append(TextWrap.wrap(plan.path.summary, width: width, indent: "  ", firstIndent: "  "))
      }
      for (index, step) in plan.steps.enumerated() {
        var head = "  \(index + 1). \(stepTitle(step))"
        if let eligibility = step.eligibility { head += ": " + statusText(eligibility) }
        out.append(styler.bold(head))
        if let eligibility = step.eligibility {
          out.append(TextWrap.wrap(eligibility.detail, width: width, indent: "     ", firstIndent: "     "))
          if let credential = pack.credential(eligibility.credential), !credential.verified || credential.note != nil {
            let caveat =
              (credential.verified ? "" : "Not re-checked against the issuing body. ") + (credential.note ?? "")
            out.append(
              styler.dim(TextWrap.wrap("Note: \(caveat)", width: width, indent: "     ", firstIndent: "     ")))
          }
        }
        out.append(
          styler.dim(TextWrap.wrap("Why here: \(step.why)", width: width, indent: "     ", firstIndent: "     ")))
      }
      if !plan.alternatives.isEmpty {
        out.append(styler.dim("  Other paths: " + plan.alternatives.joined(separator: ", ")))
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  func statusText(_ eligibility: Eligibility) -> String {
    switch eligibility.status {
    case .held: return "held"
    case .eligible: return "eligible now"
    case .eligibleIn: return "eligible in \(eligibility.months ?? 0) months"
    case .notEligible: return "not yet eligible"
    }
  }

  func format2(_ value: Double) -> String { String(format: "%.2f", value) }

  // MARK: Markdown

  func markdown(_ report: AssessmentReport) -> String {
    let result = report.result
    var out: [String] = ["# rolefit assessment", ""]
    for warning in result.warnings {
      out.append("> **Warning:** \(warning.message) Treat this result as provisional.")
      out.append("")
    }
    out.append(
      "**\(verdictLabel(result).trimmingCharacters(in: .whitespaces))** \(headline(result.fit)) · **confidence** \(format2(result.fit.confidence)) · \(result.answeredScored) of \(result.totalScored) questions answered · pack `\(report.packID)` \(report.packVersion)"
    )
    out.append("")
    for line in figures(result) { out.append("- \(line)") }
    out.append("")
    out.append("| Role | Share |")
    out.append("| --- | ---: |")
    for score in result.scores { out.append("| \(roleName(score.role)) | \(TextWrap.percent(score.share)) |") }
    out.append("")
    out.append("## By area")
    out.append("")
    out.append("| Area | " + pack.assessedRoles.map(\.name).joined(separator: " | ") + " | Answered |")
    out.append("| --- | " + pack.assessedRoles.map { _ in "---:" }.joined(separator: " | ") + " | ---: |")
    for area in result.areas {
      let cells = pack.assessedRoles.map { area.answered > 0 ? TextWrap.percent(area.shares[$0.id] ?? 0) : "–" }
      out.append(
        "| \(pack.area(area.area)?.name ?? area.area) | " + cells.joined(separator: " | ")
          + " | \(area.answered)/\(area.total) |")
    }
    if !result.evidence.isEmpty {
      out.append("")
      out.append("## Why: the answers that moved it most")
      out.append("")
      for (index, item) in result.evidence.enumerated() {
        out.append(
          "\(index + 1). **\(item.questionText)** You answered “\(item.answer)” → \(roleName(item.towards).lowercased())."
        )
        for claim in supportingClaims(item) { if let line = sourceLine(claim) { out.append("   - Source: \(line)") } }
      }
    }
    if !result.edges.isEmpty {
      out.append("")
      out.append("## What would change it")
      out.append("")
      for edge in result.edges {
        out.append("- \(edgeSentence(edge))")
        for change in changeList(edge.changes) { out.append("  - `\(change)`") }
      }
    }
    if let plan = report.plan {
      out.append("")
      out.append("## Learning path: \(plan.path.title)")
      out.append("")
      if !plan.path.summary.isEmpty {
        out.append(plan.path.summary)
        out.append("")
      }
      for (index, step) in plan.steps.enumerated() {
        var line = "\(index + 1). **\(stepTitle(step))**"
        if let eligibility = step.eligibility { line += ": \(statusText(eligibility)). \(eligibility.detail)" }
        out.append(line + " *Why here:* \(step.why)")
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
