import Foundation

/// The first screen of a result: what a person should take in within ten seconds.
extension AssessmentRenderer {
  /// A step as the first screen names it: the credential's short name or the topic.
  func stepName(_ step: LearningPlan.Step) -> String {
    switch step.subject {
    case .credential(let id): return pack.credential(id)?.short ?? id
    case .topic(let topic): return topic
    }
  }

  /// A role's one-word label (`project`, `scrum`), for charts.
  func shortName(_ id: String) -> String { pack.assessedRole(id)?.short ?? id }

  /// The work a role does, as the verdict sentence names it ("project management").
  func workName(_ id: String) -> String {
    pack.assessedRole(id)?.work ?? roleName(id).lowercased()
  }

  /// The verdict in one sentence, with what it means: about the person's work, or on the
  /// preference track about what draws them; a role outside project and program work is named
  /// against them, and answers that speak for no role say so.
  func verdictSentence(_ result: AssessmentResult) -> String {
    let fit = result.fit
    let subject = result.track == .preference ? "What draws you" : "Your work"
    if fit.isUnclear {
      let whose = result.track == .preference ? "your answers say what draws you" : "your answers describe your work"
      return "\(fit.bandName): too little of what \(whose) speaks for any of the \(pack.assessedRoles.count)"
        + " roles to name one."
    }
    let role = pack.assessedRole(fit.role)
    let work = workName(fit.role)
    let meaning = role?.meaning ?? role?.summary.lowercased() ?? ""
    let means = meaning.isEmpty ? "." : ": \(meaning)."
    if fit.isHybrid {
      let second = result.scores.filter { $0.role != fit.role }.max { $0.share < $1.share }.map { workName($0.role) }
      return "\(subject) sits between \(work) and \(second ?? "the other roles"), leaning slightly to \(work)."
    }
    let strong = fit.band == pack.scoring.bands.first?.id
    if pack.isOtherRole(fit.role) {
      let core = pack.roles.map { workName($0.id) }.joined(separator: " or ")
      return "\(subject) \(strong ? "is" : "leans") more \(strong ? "" : "to ")\(work) than \(core)" + means
    }
    return "\(subject) \(strong ? "is" : "leans to") \(work)" + means
  }

  /// Why the confidence is what it is, in words that do not contradict the shares.
  ///
  /// It says what the confidence rests on and, when something lowered it, what did. With no
  /// role named, the evidence figure is what explains the verdict.
  func confidenceSentence(_ result: AssessmentResult) -> String {
    if result.fit.isUnclear {
      let line = pack.scoring.unclear.map { " (below \(TextWrap.percent($0.belowEvidence)) no role is named)" } ?? ""
      return "Evidence \(TextWrap.percent(result.evidenceStrength)): that is how much of your answers speaks for"
        + " any role\(line)."
    }
    var reasons: [String] = []
    let questions = Double(result.totalScored)
    if Double(result.answeredScored) < pack.scoring.fullCoverage * questions {
      reasons.append("you answered \(result.answeredScored) of \(result.totalScored) questions")
    }
    if !result.warnings.isEmpty {
      let cut = TextWrap.percent(1 - pack.scoring.responseStyle.carelessConfidenceFactor)
      reasons.append(
        result.warnings.count == 1
          ? "the answer problem above cuts it by \(cut)"
          : "each of the \(result.warnings.count) answer problems above cuts it by \(cut)")
    }
    if let unclear = pack.scoring.unclear, result.evidenceStrength < 2 * unclear.belowEvidence {
      reasons.append("only \(TextWrap.percent(result.evidenceStrength)) of your answers speak for any role")
    }
    let stable = "your answers give this verdict in \(TextWrap.percent(result.stability)) of resamples"
    return "Confidence \(TextWrap.percent(result.fit.confidence)): \(stable)"
      + (reasons.isEmpty ? "." : ", lowered because " + TextWrap.list(reasons) + ".")
  }

  /// The two roles with the largest shares, in the pack's order (project before program), for
  /// the bar that names both sides; `nil` with fewer than two roles.
  func leadingPair(_ result: AssessmentResult) -> (String, String)? {
    let order = result.scores.map(\.role)
    let ranked = result.scores.enumerated().sorted {
      $0.element.share > $1.element.share || ($0.element.share == $1.element.share && $0.offset < $1.offset)
    }
    guard ranked.count >= 2 else { return nil }
    let pair = ranked.prefix(2).map(\.element.role).sorted {
      (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0)
    }
    return (pair[0], pair[1])
  }

  /// Two roles' shares as one bar that names each side, so it reads without colour:
  /// `project 86% ██████████████████████░░░░ 14% program`.
  func splitBar(_ left: (role: String, share: Double), _ right: (role: String, share: Double), width: Int) -> String {
    let total = left.share + right.share
    let leftCells = total > 0 ? Int((left.share / total * Double(width)).rounded()) : width / 2
    let leftName = shortName(left.role)
    let rightName = shortName(right.role)
    return "\(leftName) \(TextWrap.percent(left.share)) "
      + colored(String(repeating: "█", count: leftCells), role: left.role)
      + colored(String(repeating: "░", count: width - leftCells), role: right.role)
      + " \(TextWrap.percent(right.share)) \(rightName)"
  }

  /// The roles' shares as the first screen draws them: one split bar for the two leading roles
  /// that names each side, then the other roles' shares in words when they have any.
  func shareChart(_ result: AssessmentResult) -> [String] {
    guard let pair = leadingPair(result) else { return [] }
    let labels = [pair.0, pair.1].map { shortName($0).count + 5 }.reduce(0, +)
    var lines = [
      "  "
        + splitBar(
          (pair.0, result.share(of: pair.0)), (pair.1, result.share(of: pair.1)),
          width: max(10, min(40, width - labels - 4)))
    ]
    let others = result.scores.filter { $0.role != pair.0 && $0.role != pair.1 && $0.share >= 0.005 }
    if !others.isEmpty {
      lines.append(
        styler.dim(
          "  Other roles: "
            + others.map { "\(shortName($0.role)) \(TextWrap.percent($0.share))" }.joined(separator: " · ")
        ))
    }
    return lines
  }

  /// The next step of the path with its date: `Next: PgMP, eligible in 30 months of program work`.
  func nextStep(_ plan: LearningPlan) -> String? {
    guard let first = plan.steps.first else {
      return plan.done.isEmpty ? nil : "Next: every step of \(plan.path.title.lowercased()) is behind you."
    }
    var line = "Next: \(stepName(first))" + (first.eligibility.map { ", " + statusText($0) } ?? "") + "."
    // The path's last credential is what it leads to: name it with its date.
    if let goal = plan.steps.last(where: { $0.eligibility != nil }), goal != first, let eligibility = goal.eligibility {
      line += " Then \(stepName(goal)): \(statusText(eligibility))."
    }
    return line
  }

  /// The first screen: the verdict in a sentence, the shares, the next step and the reasons.
  ///
  /// `more` is the hint that ends it ("Type details for ..."), as the front end words it.
  public func summary(_ report: AssessmentReport, more: String?) -> String {
    summary(report, AssessmentDocument(report, pack: pack), more: more)
  }

  /// The first screen, its words taken from `document` (the result's own document).
  ///
  /// The share chart is drawn from the result's unrounded shares: the document's are rounded
  /// to four places for JSON, and a share a hair under a half percent would read a point higher.
  func summary(_ report: AssessmentReport, _ document: AssessmentDocument, more: String?) -> String {
    guard document.answered > 0 else {
      var out = [styler.bold("No question that decides the fit is answered yet, so there is no verdict.")]
      if let more { out += ["", styler.dim(more)] }
      return TextWrap.fit(out.joined(separator: "\n"), width: width) + "\n"
    }
    // The fewest reasons the screen gives: when quality problems take room, a reason goes first.
    var screen = summary(report, document, more: more, reasons: Self.reasonsShown)
    while screen.text.split(separator: "\n", omittingEmptySubsequences: false).count > Self.screenLines,
      let shown = screen.reasons, shown > Self.fewestReasons
    {
      screen = summary(report, document, more: more, reasons: shown - 1)
    }
    return screen.text
  }

  /// The first screen with at most `reasons` reasons, and how many it gave.
  private func summary(_ report: AssessmentReport, _ document: AssessmentDocument, more: String?, reasons count: Int)
    -> (text: String, reasons: Int?)
  {
    var out: [String] = []
    // Response-quality problems come first, in words, so the verdict is read with them in mind.
    for (index, warning) in document.warnings.enumerated() {
      let last = index == document.warnings.count - 1 ? " Treat this result as provisional." : ""
      out.append(
        styler.warning(TextWrap.wrap("! \(warning.message)\(last)", width: width, indent: "  ", firstIndent: "")))
    }
    if !document.warnings.isEmpty { out.append("") }
    let unclear = isUnclear(document.fit)
    let verdict = styler.bold(document.summary.sentence)
    out.append(unclear ? verdict : colored(verdict, role: document.fit.role))
    out.append(styler.dim(document.summary.confidence))
    out.append("")
    out += shareChart(report.result)
    if let next = document.summary.next {
      out.append("")
      out.append(styler.bold(next))
    }
    let reasons = document.evidence.prefix(count)
    if !reasons.isEmpty {
      out.append("")
      out.append(styler.bold(unclear ? "What spoke for a role at all: you said" : "Why: you said"))
      // A short answer ("1 project") needs its question to make sense; a long one speaks for itself.
      for item in reasons {
        let context = item.answer.count < Self.shortAnswer ? " " + styler.dim("(\(item.text))") : ""
        out.append("  - “\(item.answer)”" + context)
      }
    }
    if let more {
      out.append("")
      out.append(styler.dim(more))
    }
    return (TextWrap.fit(out.joined(separator: "\n"), width: width) + "\n", reasons.isEmpty ? nil : reasons.count)
  }

  /// Whether a document's verdict names no role: its band is the pack's `unclear` band.
  func isUnclear(_ fit: AssessmentDocument.Fit) -> Bool { fit.band == pack.scoring.unclear?.id }

  /// The line that ends the first screen, naming the command or flag that shows the rest.
  public static func moreHint(command: String) -> String {
    "\(command) shows the rest: each area, every answer that counted with its source, what would change it, and the whole learning path."
  }
}
