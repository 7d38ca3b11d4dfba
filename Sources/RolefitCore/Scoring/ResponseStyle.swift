/// Spots answering that looks careless: the same scale point everywhere, every forced choice
/// on one side, or answers faster than anyone reads.
struct ResponseStyle {
  let rules: ResponseStyleRules

  func warnings(for sheet: AnswerSheet, questions: [Question]) -> [AssessmentResult.Warning] {
    var warnings: [AssessmentResult.Warning] = []
    /// The one answer every question of a kind got, when at least `minimum` were answered.
    func sameEverywhere(_ kind: Question.Kind, minimum: Int) -> (answer: AnswerValue, count: Int)? {
      let answers = questions.filter { $0.kind == kind && $0.isScored }.compactMap { sheet[$0.id] }
      guard answers.count >= minimum, Set(answers).count == 1, let answer = answers.first else { return nil }
      return (answer, answers.count)
    }
    if let (point, count) = sameEverywhere(.likert, minimum: rules.minLikertForStraightline) {
      warnings.append(
        .init(
          id: "straight-lining",
          message: "All \(count) agreement questions got the same answer (\(point)); "
            + "the statements point both ways, so this usually means they were not read."))
    }
    if let (side, count) = sameEverywhere(.forced, minimum: rules.minForcedForOneSide) {
      warnings.append(
        .init(
          id: "one-sided",
          message: "Every one of the \(count) either-or questions was answered '\(side)'; "
            + "the two sides are shuffled, so a real preference would not fall on one letter."))
    }
    let timed = sheet.seconds.values.sorted()
    if timed.count >= rules.minTimedAnswers {
      let median =
        timed.count % 2 == 1
        ? timed[timed.count / 2] : (timed[timed.count / 2 - 1] + timed[timed.count / 2]) / 2
      if median < rules.minSecondsPerAnswer {
        let shown = (median * 10).rounded() / 10
        warnings.append(
          .init(
            id: "too-fast",
            message: "Answers came in \(shown) s on average (median); "
              + "that is faster than the questions can be read."))
      }
    }
    return warnings
  }
}
