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

  /// The verdict in one sentence, with what it means.
  func verdictSentence(_ fit: AssessmentResult.Fit, scores: [(role: String, share: Double)]) -> String {
    let role = pack.role(fit.role)
    let work = role?.work ?? roleName(fit.role).lowercased()
    let meaning = role?.meaning ?? role?.summary.lowercased() ?? ""
    if fit.isHybrid {
      let second = scores.filter { $0.role != fit.role }.max { $0.share < $1.share }.map {
        pack.role($0.role)?.work ?? roleName($0.role).lowercased()
      }
      return "Your work sits between \(work) and \(second ?? "the other roles"), leaning slightly to \(work)."
    }
    let verb = fit.band == pack.scoring.bands.first?.id ? "is" : "leans to"
    return "Your work \(verb) \(work)" + (meaning.isEmpty ? "." : ": \(meaning).")
  }

  /// Why the confidence is what it is, in words that do not contradict the shares.
  func confidenceSentence(_ result: AssessmentResult) -> String {
    var reasons: [String] = []
    if result.answeredScored < result.totalScored {
      reasons.append("you answered \(result.answeredScored) of \(result.totalScored) questions")
    }
    if !result.warnings.isEmpty { reasons.append("some answers look hurried or patterned") }
    let stable = "your answers give this verdict in \(TextWrap.percent(result.stability)) of resamples"
    return "Confidence \(TextWrap.percent(result.fit.confidence)): \(stable)"
      + (reasons.isEmpty ? "." : ", lowered because " + reasons.joined(separator: " and ") + ".")
  }

  /// Two roles' shares as one bar that names each side, so it reads without colour:
  /// `project 86% ██████████████████████░░░░ 14% program`.
  func splitBar(_ left: (role: String, share: Double), _ right: (role: String, share: Double), width: Int) -> String {
    let total = left.share + right.share
    let leftCells = total > 0 ? Int((left.share / total * Double(width)).rounded()) : width / 2
    let leftName = pack.role(left.role)?.short ?? left.role
    let rightName = pack.role(right.role)?.short ?? right.role
    return "\(leftName) \(TextWrap.percent(left.share)) "
      + colored(String(repeating: "█", count: leftCells), role: left.role)
      + colored(String(repeating: "░", count: width - leftCells), role: right.role)
      + " \(TextWrap.percent(right.share)) \(rightName)"
  }

  /// The roles' shares as the first screen draws them: one split bar for two roles, else a bar a role.
  func shareChart(_ result: AssessmentResult) -> [String] {
    if result.scores.count == 2 {
      let labels = result.scores.map { (pack.role($0.role)?.short ?? $0.role).count + 5 }.reduce(0, +)
      return ["  " + splitBar(result.scores[0], result.scores[1], width: max(10, min(40, width - labels - 4)))]
    }
    let nameWidth = result.scores.map { roleName($0.role).count }.max() ?? 10
    return result.scores.map { score in
      let name = roleName(score.role).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let bar = max(10, min(24, width - nameWidth - 10))
      return
        "  \(name)  \(colored(Bar.draw(score.share, width: bar), role: score.role)) \(TextWrap.percent(score.share))"
    }
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
    let result = report.result
    var out: [String] = []
    guard result.answeredScored > 0 else {
      out.append(styler.bold("No question that decides the fit is answered yet, so there is no verdict."))
      if let more { out += ["", styler.dim(more)] }
      return TextWrap.fit(out.joined(separator: "\n"), width: width) + "\n"
    }
    out.append(colored(styler.bold(verdictSentence(result.fit, scores: result.scores)), role: result.fit.role))
    out.append(styler.dim(confidenceSentence(result)))
    out.append("")
    out += shareChart(result)
    if !result.warnings.isEmpty {
      out.append("")
      out.append(
        styler.warning(
          "! Some answers look hurried or patterned, so treat this result as provisional"
            + (more == nil ? "." : " (the details say why).")))
    }
    if let plan = report.plan, let next = nextStep(plan) {
      out.append("")
      out.append(styler.bold(next))
    }
    let reasons = result.evidence.prefix(Self.reasonsShown)
    if !reasons.isEmpty {
      out.append("")
      out.append(styler.bold("Why: you said"))
      // A short answer ("1 project") needs its question to make sense; a long one speaks for itself.
      for item in reasons {
        let context = item.answer.count < Self.shortAnswer ? " " + styler.dim("(\(item.questionText))") : ""
        out.append("  - “\(item.answer)”" + context)
      }
    }
    if let more {
      out.append("")
      out.append(styler.dim(more))
    }
    return TextWrap.fit(out.joined(separator: "\n"), width: width) + "\n"
  }

  /// The line that ends the first screen, naming the command or flag that shows the rest.
  public static func moreHint(command: String) -> String {
    "\(command) shows the rest: each area, every answer that counted with its source, what would change it, and the whole learning path."
  }
}
