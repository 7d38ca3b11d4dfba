import Foundation

/// Scores answers against a pack's roles.
///
/// The same scorer serves the REPL, `assess`, workshops and, through `Tally`, the
/// job-description engine. A role's score is the sum of the weights its chosen answers earn; shares are
/// scores over their sum. The band comes from the leading role's share of the top two; confidence is
/// the fraction of bootstrap resamples of the answers that give the same verdict, scaled down when few
/// questions are answered and when the answers look careless.
public struct Scorer: Sendable {
  public let pack: ContentPack
  let roleIDs: [String]
  let scoredQuestions: [Question]

  public init(pack: ContentPack) {
    self.pack = pack
    self.roleIDs = pack.assessedRoles.map(\.id)
    self.scoredQuestions = pack.scoredQuestions
  }

  /// One answered, scored question and the weights its answer earned, by role index.
  struct Contribution {
    var question: Question
    var value: AnswerValue
    var weights: [Double]
  }

  /// Scores an answer sheet.
  ///
  /// Unanswered questions are allowed; unknown ids are ignored here (validate with `AnswerFile` or
  /// `Question.validate` first).
  public func score(_ sheet: AnswerSheet) -> AssessmentResult {
    let track = Self.track(of: sheet, pack: pack)
    let questions = questions(for: track)
    let contributions = questions.compactMap { question -> Contribution? in
      guard let value = sheet[question.id] else { return nil }
      return Contribution(question: question, value: value, weights: vector(question.weights(for: value)))
    }
    let totals = sum(contributions.map(\.weights))
    let verdict = verdict(totals)
    let stability = tally.stability(
      contributions.map(\.weights), verdict: verdict,
      seed: contributions.map { "\($0.question.id)=\($0.value)" }.joined(separator: ";"), bandMatters: true)
    let coverage =
      questions.isEmpty
      ? 0 : min(1, Double(contributions.count) / (pack.scoring.fullCoverage * Double(questions.count)))
    let strength = evidenceStrength(contributions)
    let unclear = pack.scoring.unclear.flatMap { strength < $0.belowEvidence ? $0 : nil }
    let warnings = ResponseStyle(rules: pack.scoring.responseStyle, pack: pack).warnings(
      for: sheet, questions: pack.questions.filter { Self.applies($0, to: track) },
      leading: unclear == nil && !verdict.isHybrid ? roleIDs[verdict.top] : nil)
    let qualityFactor = pow(pack.scoring.responseStyle.carelessConfidenceFactor, Double(warnings.count))
    // Thin evidence lowers confidence until it reaches twice the "no clear role" line.
    let evidenceFactor = pack.scoring.unclear.map { min(1, strength / max(2 * $0.belowEvidence, 1e-9)) } ?? 1
    let band = verdict.band
    let fit = AssessmentResult.Fit(
      role: roleIDs[verdict.top], band: unclear?.id ?? band.id, bandName: unclear?.name ?? band.name,
      confidence: contributions.isEmpty ? 0 : stability * coverage * qualityFactor * evidenceFactor,
      topShare: verdict.topShare, isHybrid: unclear == nil && verdict.isHybrid, isUnclear: unclear != nil)
    return AssessmentResult(
      fit: fit, scores: zip(roleIDs, shares(totals)).map { ($0, $1) },
      areas: areaScores(contributions, questions: questions),
      evidence: evidence(contributions, verdict: verdict), edges: edges(contributions, verdict: verdict),
      warnings: warnings, answeredScored: contributions.count, totalScored: questions.count,
      stability: stability, evidenceStrength: strength, track: track)
  }

  // MARK: Tracks

  /// The track an answer sheet takes: the answer to the pack's track question, else current work.
  public static func track(of sheet: AnswerSheet, pack: ContentPack) -> AssessmentTrack {
    track(of: sheet, questions: pack.questions)
  }

  /// The track an answer sheet takes among `questions`.
  public static func track(of sheet: AnswerSheet, questions: [Question]) -> AssessmentTrack {
    for question in questions where question.profileField == .track {
      if case .choice(let id) = sheet[question.id], let track = AssessmentTrack(rawValue: id) { return track }
    }
    return .current
  }

  /// Whether a question is asked on a track (questions without a track are asked on both).
  public static func applies(_ question: Question, to track: AssessmentTrack) -> Bool {
    question.track == nil || question.track == track
  }

  /// The scored questions of a track.
  public func questions(for track: AssessmentTrack) -> [Question] {
    scoredQuestions.filter { Self.applies($0, to: track) }
  }

  // MARK: Evidence strength

  /// How much of the answers speaks for any role: the weight the answers earned for their
  /// strongest role, over the most the same questions could have earned for one role.
  private func evidenceStrength(_ contributions: [Contribution]) -> Double {
    let possible = contributions.map { ceiling($0.question) }.reduce(0, +)
    guard possible > 0 else { return 0 }
    return min(1, contributions.map { $0.weights.max() ?? 0 }.reduce(0, +) / possible)
  }

  /// The most weight one role can earn from a question.
  func ceiling(_ question: Question) -> Double {
    if question.kind == .multi {
      return sum(question.options.map { vector($0.weights) }).max() ?? 0
    }
    return alternatives(for: question).map { vector(question.weights(for: $0)).max() ?? 0 }.max() ?? 0
  }

  // MARK: Totals and verdicts

  var tally: Tally { Tally(roleIDs: roleIDs, rules: pack.scoring) }
  func vector(_ weights: [String: Double]) -> [Double] { tally.vector(weights) }
  func sum(_ vectors: [[Double]]) -> [Double] { tally.sum(vectors) }
  func shares(_ totals: [Double]) -> [Double] { tally.shares(totals) }
  typealias Verdict = Tally.Verdict
  private func verdict(_ totals: [Double]) -> Verdict { tally.verdict(totals) }

  // MARK: Areas

  /// Each scored area's shares, out of the questions the track asks in it (an area the track
  /// does not ask about is left out).
  private func areaScores(_ contributions: [Contribution], questions: [Question]) -> [AssessmentResult.AreaScore] {
    pack.areas.filter(\.scored).compactMap { area in
      let total = questions.filter { $0.area == area.id }.count
      guard total > 0 else { return nil }
      let inArea = contributions.filter { $0.question.area == area.id }
      let shares = shares(sum(inArea.map(\.weights)))
      return AssessmentResult.AreaScore(
        area: area.id, shares: Dictionary(uniqueKeysWithValues: zip(roleIDs, inArea.isEmpty ? [] : shares)),
        answered: inArea.count, total: total)
    }
  }

  // MARK: Evidence

  /// Every answer a question can take, for neutral points and "what would change it".
  func alternatives(for question: Question) -> [AnswerValue] {
    switch question.kind {
    case .number:
      guard let spec = question.number else { return [] }
      var values: [Double] = []
      var low = spec.minimum
      for range in spec.ranges {
        let top = min(range.maximum ?? spec.maximum, spec.maximum)
        if top >= low { values.append(max(low, min(top, spec.maximum))) }
        low = (range.maximum ?? spec.maximum) + 1
      }
      return values.map { .number($0) }
    case .multi:
      return [.choices([])] + question.options.filter { !$0.weights.isEmpty }.map { .choices([$0.id]) }
    case .single, .forced, .likert, .yesno:
      return question.options.map { .choice($0.id) }
    }
  }

  /// The lean of an answer from role `a` to role `b`'s side: positive points towards `a`.
  private func lean(_ weights: [Double], _ a: Int, _ b: Int) -> Double { weights[a] - weights[b] }

  /// The neutral lean of a question: halfway between its most `a`-ward and most `b`-ward answers.
  private func neutralLean(_ question: Question, _ a: Int, _ b: Int) -> Double {
    if question.kind == .multi {
      let leans = question.options.map { lean(vector($0.weights), a, b) }
      return (leans.filter { $0 > 0 }.reduce(0, +) + leans.filter { $0 < 0 }.reduce(0, +)) / 2
    }
    let leans = alternatives(for: question).map { lean(vector(question.weights(for: $0)), a, b) }
    guard let high = leans.max(), let low = leans.min() else { return 0 }
    return (high + low) / 2
  }

  private func evidence(_ contributions: [Contribution], verdict: Verdict) -> [AssessmentResult.Evidence] {
    let (a, b) = (verdict.top, verdict.second)
    guard a != b else { return [] }
    let items = contributions.map { contribution -> AssessmentResult.Evidence in
      let impact = lean(contribution.weights, a, b) - neutralLean(contribution.question, a, b)
      return AssessmentResult.Evidence(
        question: contribution.question.id, questionText: contribution.question.text,
        answer: contribution.question.describe(contribution.value), towards: roleIDs[impact >= 0 ? a : b],
        impact: abs(impact), claims: contribution.question.claims)
    }
    let relevant = verdict.isHybrid ? items : items.filter { $0.towards == roleIDs[a] }
    let ranked = relevant.filter { $0.impact > 0 }.enumerated().sorted {
      $0.element.impact > $1.element.impact || ($0.element.impact == $1.element.impact && $0.offset < $1.offset)
    }
    return ranked.prefix(pack.scoring.evidenceCount).map(\.element)
  }

  // MARK: What would change it

  private func edges(_ contributions: [Contribution], verdict: Verdict) -> [AssessmentResult.Edge] {
    guard !contributions.isEmpty, verdict.top != verdict.second else { return [] }
    if verdict.isHybrid {
      return [verdict.top, verdict.second].compactMap { target in
        fewestChanges(contributions, towards: target) { $0.top == target && !$0.isHybrid }
      }
    }
    let band = fewestChanges(contributions, towards: verdict.second) {
      $0.band != verdict.band || $0.top != verdict.top
    }
    let role = fewestChanges(contributions, towards: verdict.second) { $0.top != verdict.top }
    if let band, let role, band.changes.count == role.changes.count { return [role] }
    return [band, role].compactMap { $0 }
  }

  /// Greedily changes the answers that most raise `target`'s share of the top two until `goal` holds,
  /// then makes the change as small as it can: changes the goal does not need are dropped, and
  /// each remaining answer moves only as far from the person's own as the goal needs (a count of
  /// 3 rather than 100 when 3 already tips it).
  private func fewestChanges(
    _ contributions: [Contribution], towards target: Int, goal: (Verdict) -> Bool
  ) -> AssessmentResult.Edge? {
    let originalTop = verdict(sum(contributions.map(\.weights))).top
    var current = contributions
    var order: [Int] = []
    func standing(_ totals: [Double]) -> Double {
      let rival = totals.indices.filter { $0 != target }.map { totals[$0] }.max() ?? 0
      let pair = totals[target] + rival
      return pair > 0 ? totals[target] / pair : 0.5
    }
    func reaches(_ trial: [Contribution]) -> Bool { goal(verdict(sum(trial.map(\.weights)))) }
    while order.count < current.count, !reaches(current) {
      let totals = sum(current.map(\.weights))
      var best: (index: Int, value: AnswerValue, weights: [Double], standing: Double)?
      for (index, contribution) in current.enumerated() where !order.contains(index) {
        for value in alternatives(for: contribution.question) where value != contribution.value {
          let weights = vector(contribution.question.weights(for: value))
          var trial = totals
          for role in trial.indices { trial[role] += weights[role] - contribution.weights[role] }
          let score = standing(trial)
          if score > (best?.standing ?? standing(totals)) + 1e-12 { best = (index, value, weights, score) }
        }
      }
      guard let best else { return nil }
      current[best.index].value = best.value
      current[best.index].weights = best.weights
      order.append(best.index)
    }
    guard !order.isEmpty, reaches(current) else { return nil }
    // Drop changes the goal holds without, the last found first.
    for index in order.reversed() {
      var trial = current
      trial[index] = contributions[index]
      if reaches(trial) {
        current = trial
        order.removeAll { $0 == index }
      }
    }
    // Move each remaining answer only as far as needed: the nearest answer that still reaches the goal.
    for index in order {
      let question = contributions[index].question
      let nearest = alternatives(for: question, near: contributions[index].value).filter {
        $0 != contributions[index].value
      }
      for value in nearest {
        var trial = current
        trial[index].value = value
        trial[index].weights = vector(question.weights(for: value))
        if reaches(trial) {
          current = trial
          break
        }
      }
    }
    let changes = order.map { index in
      AssessmentResult.Change(
        question: contributions[index].question.id, questionText: contributions[index].question.text,
        from: contributions[index].value, to: current[index].value,
        fromText: contributions[index].question.describe(contributions[index].value),
        toText: contributions[index].question.describe(current[index].value))
    }
    let reached = verdict(sum(current.map(\.weights)))
    return AssessmentResult.Edge(
      kind: reached.top == originalTop ? .band : .role, changes: changes, newRole: roleIDs[reached.top],
      newBand: reached.band.id)
  }

  /// Every answer a question can take, nearest to `value` first: numbers by distance (the nearest
  /// number of each range), options by how far apart they are listed.
  func alternatives(for question: Question, near value: AnswerValue) -> [AnswerValue] {
    switch (question.kind, value) {
    case (.number, .number(let number)):
      guard let spec = question.number else { return [] }
      var values: [Double] = []
      var low = spec.minimum
      for range in spec.ranges {
        let top = min(range.maximum ?? spec.maximum, spec.maximum)
        if top >= low { values.append(min(max(number, low), top)) }
        low = (range.maximum ?? spec.maximum) + 1
      }
      return values.sorted { abs($0 - number) < abs($1 - number) }.map { .number($0) }
    case (.single, .choice(let id)), (.forced, .choice(let id)), (.likert, .choice(let id)), (.yesno, .choice(let id)):
      let position = question.options.firstIndex { $0.id == id } ?? 0
      return question.options.enumerated().sorted { abs($0.offset - position) < abs($1.offset - position) }.map {
        .choice($0.element.id)
      }
    default:
      return alternatives(for: question)
    }
  }
}
