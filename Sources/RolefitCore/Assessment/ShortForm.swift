/// The short adaptive form: the profile first, then at each step the question that best
/// separates the roles still in play, stopping once the verdict is stable.
///
/// The rules (the fewest questions, the stability that stops it) come from the pack's
/// `short_form`. The same chooser serves the REPL, `assess --short` and the simulation.
public struct ShortForm: Sendable {
  public let pack: ContentPack
  let scorer: Scorer

  public init(pack: ContentPack) {
    self.pack = pack
    self.scorer = Scorer(pack: pack)
  }

  /// The unscored questions asked first (the profile), in the order the full form asks them.
  public var profileQuestions: [Question] {
    let scored = Set(scorer.scoredQuestions.map(\.id))
    let order = Dictionary(uniqueKeysWithValues: pack.areas.enumerated().map { ($1.id, $0) })
    return pack.questions.enumerated().filter { !scored.contains($0.element.id) }.sorted {
      (order[$0.element.area] ?? .max, $0.offset) < (order[$1.element.area] ?? .max, $1.offset)
    }.map(\.element)
  }

  /// The next scored question to ask given the answers so far.
  ///
  /// Questions already offered (answered or skipped) are in `passed` and never offered again.
  /// Returns `nil` when the form should stop.
  public func next(after sheet: AnswerSheet, passed: Set<String>) -> Question? {
    let track = Scorer.track(of: sheet, pack: pack)
    let remaining = scorer.questions(for: track).filter { !passed.contains($0.id) && sheet[$0.id] == nil }
    guard !remaining.isEmpty, !isSettled(sheet, track: track) else { return nil }
    let result = scorer.score(sheet)
    let leaders = result.scores.sorted { $0.share > $1.share }
    let inPlay = leaders.filter { $0.share >= (leaders.first?.share ?? 0) - pack.scoring.shortForm.inPlayMargin }.map(
      \.role)
    // The question whose options pull the roles in play furthest apart; ties keep the bank order.
    func separation(_ question: Question) -> Double {
      let vectors = scorer.alternatives(for: question).map { question.weights(for: $0) }
      let reached = Set(inPlay.filter { role in vectors.contains { ($0[role] ?? 0) > 0 } })
      let spread =
        vectors.map { weights in
          let values = inPlay.map { weights[$0] ?? 0 }
          return (values.max() ?? 0) - (values.min() ?? 0)
        }.max() ?? 0
      return spread * Double(reached.count)
    }
    var best: (Question, Double)?
    for question in remaining {
      let value = separation(question)
      if value > (best?.1 ?? -1) { best = (question, value) }
    }
    return best?.0
  }

  /// Whether enough is known: at least the pack's fewest questions, and a verdict that resampling
  /// reproduces at least `stop_stability` of the time.
  public func isSettled(_ sheet: AnswerSheet, track: AssessmentTrack) -> Bool {
    let answered = scorer.questions(for: track).filter { sheet[$0.id] != nil }.count
    guard answered >= pack.scoring.shortForm.minQuestions else { return false }
    return scorer.score(sheet).stability >= pack.scoring.shortForm.stopStability
  }

  /// Replays the short form against complete answers.
  ///
  /// Gives the questions it would have asked, in order, and only their answers. A question the
  /// answers leave out is passed over.
  public func replay(_ answers: AnswerSheet) -> (asked: [String], sheet: AnswerSheet) {
    var sheet = AnswerSheet()
    var asked: [String] = []
    var passed: Set<String> = []
    for question in profileQuestions {
      guard let value = answers[question.id] else { continue }
      sheet[question.id] = value
      asked.append(question.id)
    }
    while let question = next(after: sheet, passed: passed) {
      passed.insert(question.id)
      guard let value = answers[question.id] else { continue }
      sheet[question.id] = value
      if let seconds = answers.seconds[question.id] { sheet.seconds[question.id] = seconds }
      asked.append(question.id)
    }
    return (asked, sheet)
  }
}
