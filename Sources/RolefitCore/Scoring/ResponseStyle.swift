/// Spots answering that looks careless: the same scale point everywhere, every forced choice
/// on one side, or answers faster than anyone reads.
struct ResponseStyle {
  let rules: ResponseStyleRules

  func warnings(for sheet: AnswerSheet, questions: [Question]) -> [AssessmentResult.Warning] {
    var warnings: [AssessmentResult.Warning] = []
    let likert = questions.filter { $0.kind == .likert && $0.isScored }.compactMap { sheet[$0.id] }
    if likert.count >= rules.minLikertForStraightline, Set(likert).count == 1, let point = likert.first {
      warnings.append(
        .init(
          id: "straight-lining",
          message: "All \(likert.count) agreement questions got the same answer (\(point)); "
            + "the statements point both ways, so this usually means they were not read."))
    }
    let forced = questions.filter { $0.kind == .forced && $0.isScored }.compactMap { sheet[$0.id] }
    if forced.count >= rules.minForcedForOneSide, Set(forced).count == 1, let side = forced.first {
      warnings.append(
        .init(
          id: "one-sided",
          message: "Every one of the \(forced.count) either-or questions was answered '\(side)'; "
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
