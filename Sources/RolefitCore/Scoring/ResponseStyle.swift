/// Spots answers that may not describe the person's work: careless answering (the same point
/// everywhere, faster than anyone reads), answering to a pattern (always the same place in the
/// list, the longest option, the most strategic-sounding one), paired questions answered for
/// different roles, and senior scope claimed with no months of management in the profile.
///
/// Each problem found becomes a warning; the scorer lowers the confidence once per warning.
struct ResponseStyle {
  let rules: ResponseStyleRules
  let pack: ContentPack

  /// The warnings for a sheet, over the questions of its track; `leading` is the role the
  /// result names, if it names one.
  func warnings(for sheet: AnswerSheet, questions: [Question], leading: String?) -> [AssessmentResult.Warning] {
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
    let choices = questions.filter { ($0.kind == .single || $0.kind == .forced) && $0.isScored && $0.options.count > 1 }
      .compactMap { question -> (Question, Int)? in
        guard case .choice(let id) = sheet[question.id], let index = question.options.firstIndex(where: { $0.id == id })
        else { return nil }
        return (question, index)
      }
    if let position = samePosition(choices) {
      warnings.append(position)
    } else if let (side, count) = sameEverywhere(.forced, minimum: rules.minForcedForOneSide) {
      warnings.append(
        .init(
          id: "one-sided",
          message: "Every one of the \(count) either-or questions was answered '\(side)'; "
            + "the two sides are shuffled, so a real preference would not fall on one letter."))
    }
    if let longest = pattern(
      choices, measure: { Double($0.text.count) }, id: "always-longest",
      describe: "the longest option")
    {
      warnings.append(longest)
    }
    if !rules.strategyWords.isEmpty,
      let strategic = pattern(
        choices, measure: { Double(strategyWordCount($0.text)) }, id: "most-strategic",
        describe: "the option with the most strategy words (business, roadmap, executives...)")
    {
      warnings.append(strategic)
    }
    if let pairs = inconsistentPairs(sheet, questions: questions) { warnings.append(pairs) }
    if let senior = seniorScope(sheet, leading: leading) { warnings.append(senior) }
    if let fast = tooFast(sheet) { warnings.append(fast) }
    return warnings
  }

  // MARK: Patterns

  /// Nearly every choice answered with the option in the same place (always the first, say).
  private func samePosition(_ choices: [(Question, Int)]) -> AssessmentResult.Warning? {
    guard choices.count >= rules.minPatternAnswers else { return nil }
    let counts = Dictionary(grouping: choices, by: \.1).mapValues(\.count)
    guard let (position, count) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
      Double(count) >= rules.patternShare * Double(choices.count)
    else { return nil }
    return .init(
      id: "same-position",
      message: "\(count) of \(choices.count) choice questions were answered with option \(position + 1) "
        + "(the same place in the list); the options are in no particular order, so this usually means "
        + "they were not read.")
  }

  /// Nearly every choice, among those where one option stands out by `measure`, picked that option.
  private func pattern(
    _ choices: [(Question, Int)], measure: (AnswerOption) -> Double, id: String, describe: String
  ) -> AssessmentResult.Warning? {
    let standingOut = choices.compactMap { question, chosen -> Bool? in
      let values = question.options.map(measure)
      guard let top = values.max(), top > 0, values.filter({ $0 == top }).count == 1 else { return nil }
      return values[chosen] == top
    }
    let followed = standingOut.filter { $0 }.count
    guard standingOut.count >= rules.minPatternAnswers,
      Double(followed) >= rules.patternShare * Double(standingOut.count)
    else { return nil }
    return .init(
      id: id,
      message: "In \(followed) of the \(standingOut.count) questions where one option is \(describe), "
        + "that option was chosen; answers picked for how they sound say little about the work.")
  }

  /// How many of the pack's strategy words a text holds (a word or its plural).
  func strategyWordCount(_ text: String) -> Int { strategyWords(in: text).count }

  /// The pack's strategy words a text holds, once per occurrence (plurals read as the word).
  func strategyWords(in text: String) -> [String] {
    let vocabulary = Set(rules.strategyWords)
    return text.lowercased().split { !$0.isLetter && $0 != "-" }.compactMap { word in
      if vocabulary.contains(String(word)) { return String(word) }
      if word.hasSuffix("s"), vocabulary.contains(String(word.dropLast())) { return String(word.dropLast()) }
      return nil
    }
  }

  // MARK: Consistency

  /// The role an answer points to most, when one role gets more than every other.
  private func leaning(_ question: Question, _ value: AnswerValue) -> String? {
    let weights = question.weights(for: value).filter { $0.value > 0 }
    guard let top = weights.values.max(), weights.values.filter({ $0 == top }).count == 1 else { return nil }
    return weights.first { $0.value == top }?.key
  }

  private func inconsistentPairs(_ sheet: AnswerSheet, questions: [Question]) -> AssessmentResult.Warning? {
    let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })
    var answered = 0
    var differing = 0
    for question in questions {
      guard let other = question.pairsWith.flatMap({ byID[$0] }), let first = sheet[question.id],
        let second = sheet[other.id]
      else { continue }
      answered += 1
      if let a = leaning(question, first), let b = leaning(other, second), a != b { differing += 1 }
    }
    guard differing >= rules.minInconsistentPairs else { return nil }
    return .init(
      id: "inconsistent-pairs",
      message: "\(differing) of \(answered) pairs of questions that ask about the same thing were answered "
        + "for different roles.")
  }

  // MARK: Profile

  /// Senior scope (a role the pack marks senior) with zero months of managing projects or programs.
  private func seniorScope(_ sheet: AnswerSheet, leading: String?) -> AssessmentResult.Warning? {
    guard let leading, rules.seniorRoles.contains(leading) else { return nil }
    let months = pack.questions.filter { $0.profileField == .projectMonths || $0.profileField == .programMonths }
      .compactMap { question -> Double? in
        guard case .number(let value) = sheet[question.id] else { return nil }
        return value
      }
    guard !months.isEmpty, months.allSatisfy({ $0 == 0 }) else { return nil }
    let name = pack.assessedRole(leading)?.name.lowercased() ?? leading
    return .init(
      id: "senior-scope-no-experience",
      message: "The answers describe \(name) scope, but the profile gives no months of leading projects "
        + "or programs; scope like that usually comes after managing work.")
  }

  // MARK: Speed

  private func tooFast(_ sheet: AnswerSheet) -> AssessmentResult.Warning? {
    let timed = sheet.seconds.values.sorted()
    guard timed.count >= rules.minTimedAnswers else { return nil }
    let median =
      timed.count % 2 == 1
      ? timed[timed.count / 2] : (timed[timed.count / 2 - 1] + timed[timed.count / 2]) / 2
    guard median < rules.minSecondsPerAnswer else { return nil }
    let shown = (median * 10).rounded() / 10
    return .init(
      id: "too-fast",
      message: "Answers came in \(shown) s on average (median); that is faster than the questions can be read.")
  }
}
