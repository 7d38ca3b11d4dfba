import RolefitCore
import Testing

/// Properties of the scorer over generated answer sets on the bundled pack.
@Suite struct ScorerTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }
  var scorer: Scorer { Scorer(pack: pack) }

  /// How much an answer favours `role` over the best other role.
  func lean(_ question: Question, _ value: AnswerValue, towards role: String) -> Double {
    let weights = question.weights(for: value)
    return (weights[role] ?? 0) - (weights.filter { $0.key != role }.values.max() ?? 0)
  }

  /// Every answer a question can take (options, pairs for multi, range points for numbers).
  func answers(for question: Question) -> [AnswerValue] {
    switch question.kind {
    case .number:
      guard let spec = question.number else { return [] }
      return [spec.minimum, 1, 2, 3, 5, 10, spec.maximum].filter { $0 >= spec.minimum && $0 <= spec.maximum }.map {
        .number($0)
      }
    case .multi:
      return [.choices([])] + question.options.map { .choices([$0.id]) }
    default:
      return question.options.map { .choice($0.id) }
    }
  }

  /// The answer set that favours `role` the most on every scored question.
  func mostFavouring(_ role: String) -> AnswerSheet {
    var sheet = AnswerSheet()
    for question in pack.scoredQuestions {
      if question.kind == .multi {
        sheet[question.id] = .choices(
          question.options.filter { lean(question, .choices([$0.id]), towards: role) > 0 }.map(\.id))
      } else {
        sheet[question.id] = answers(for: question).max {
          lean(question, $0, towards: role) < lean(question, $1, towards: role)
        }
      }
    }
    return sheet
  }

  /// A random answer set, some questions left out, from a seeded generator.
  func randomSheet(_ generator: inout some RandomNumberGenerator) -> AnswerSheet {
    var sheet = AnswerSheet()
    for question in pack.scoredQuestions where Double.random(in: 0..<1, using: &generator) < 0.85 {
      sheet[question.id] = answers(for: question).randomElement(using: &generator)
    }
    return sheet
  }

  @Test(arguments: ["project-manager", "program-manager"])
  func mostWeightedOptionEverywhereGivesAStrongFit(role: String) {
    let result = scorer.score(mostFavouring(role))
    #expect(result.fit.role == role)
    #expect(result.fit.band == "strong")
    #expect(result.fit.confidence > 0.9)
  }

  @Test func sharesAlwaysSumToOneAndTheSameAnswersGiveTheSameResult() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<60 {
      let sheet = randomSheet(&generator)
      let first = scorer.score(sheet)
      let total = first.scores.map(\.share).reduce(0, +)
      #expect(abs(total - 1) < 1e-9)
      #expect(first.fit.confidence >= 0 && first.fit.confidence <= 1)
      #expect(scorer.score(sheet) == first)
    }
  }

  @Test(arguments: ["project-manager", "program-manager"])
  func movingOneAnswerTowardARoleNeverLowersItsShare(role: String) {
    var generator = SplitMix64(seed: 11)
    var checked = 0
    for _ in 0..<40 {
      let sheet = randomSheet(&generator)
      let before = scorer.score(sheet).share(of: role)
      for question in pack.scoredQuestions where question.kind != .multi {
        guard let current = sheet[question.id] else { continue }
        for alternative in answers(for: question) {
          let weights = question.weights(for: alternative)
          let old = question.weights(for: current)
          // "Toward the role": at least as much for it, no more for any other role.
          let toward =
            (weights[role] ?? 0) >= (old[role] ?? 0)
            && pack.roles.allSatisfy { $0.id == role || (weights[$0.id] ?? 0) <= (old[$0.id] ?? 0) }
          guard toward, alternative != current else { continue }
          var moved = sheet
          moved[question.id] = alternative
          #expect(scorer.score(moved).share(of: role) >= before - 1e-12)
          checked += 1
        }
      }
    }
    #expect(checked > 100)
  }

  @Test func confidenceFallsWhenFewQuestionsAreAnswered() {
    let full = mostFavouring("program-manager")
    var few = AnswerSheet()
    for id in full.values.keys.sorted().prefix(4) { few[id] = full[id] }
    let all = scorer.score(full).fit.confidence
    let some = scorer.score(few).fit.confidence
    #expect(some < all * 0.5)
    #expect(scorer.score(AnswerSheet()).fit.confidence == 0)
  }

  @Test func confidenceFallsWhenAnswersContradictEachOther() {
    let project = mostFavouring("project-manager")
    let program = mostFavouring("program-manager")
    var mixed = AnswerSheet()
    for (index, question) in pack.scoredQuestions.enumerated() {
      mixed[question.id] = index % 5 < 3 ? program[question.id] : project[question.id]
    }
    let consistent = scorer.score(program)
    let contradictory = scorer.score(mixed)
    #expect(contradictory.answeredScored == consistent.answeredScored)
    #expect(contradictory.fit.confidence < consistent.fit.confidence - 0.1)
  }

  @Test func theSameOptionEverywhereIsFlaggedAndLowersConfidence() {
    var sheet = mostFavouring("program-manager")
    for question in pack.scoredQuestions where question.kind == .single { sheet[question.id] = .choice("a") }
    let result = scorer.score(sheet)
    #expect(result.warnings.map(\.id).contains("same-position"))
    #expect(result.fit.confidence <= 0.5 + 1e-9)
  }

  @Test func straightLiningAndOneSidedForcedChoicesAreFlaggedInAPackThatHasThem() throws {
    let trainer = try #require(try ContentLoader.load(TestPacks.trainerFiles).pack)
    var rules = trainer
    rules.scoring.responseStyle.minLikertForStraightline = 1
    rules.scoring.responseStyle.minForcedForOneSide = 1
    var sheet = AnswerSheet()
    for question in rules.scoredQuestions where question.kind == .likert { sheet[question.id] = .choice("5") }
    for question in rules.scoredQuestions where question.kind == .forced { sheet[question.id] = .choice("a") }
    let result = Scorer(pack: rules).score(sheet)
    #expect(result.warnings.map(\.id).contains("straight-lining"))
    #expect(result.warnings.map(\.id).contains("one-sided"))
  }

  @Test func answersGivenInSecondsAreFlagged() {
    var sheet = mostFavouring("project-manager")
    for id in sheet.values.keys { sheet.seconds[id] = 0.4 }
    #expect(scorer.score(sheet).warnings.map(\.id) == ["too-fast"])
    for id in sheet.values.keys { sheet.seconds[id] = 9 }
    #expect(scorer.score(sheet).warnings.isEmpty)
  }

  @Test func evidenceFavoursTheFitAndCitesExistingClaims() {
    let result = scorer.score(mostFavouring("program-manager"))
    #expect((3...pack.scoring.evidenceCount).contains(result.evidence.count))
    for item in result.evidence {
      #expect(item.towards == "program-manager")
      #expect(!item.claims.isEmpty)
      #expect(item.claims.allSatisfy { pack.claim($0) != nil })
    }
  }

  @Test func theEdgesReallyChangeTheResult() throws {
    let sheet = mostFavouring("project-manager")
    let result = scorer.score(sheet)
    #expect(!result.edges.isEmpty)
    for edge in result.edges {
      var changed = sheet
      for change in edge.changes { changed[change.question] = change.to }
      let after = scorer.score(changed)
      #expect(after.fit.role == edge.newRole && after.fit.band == edge.newBand)
      #expect(after.fit.role != result.fit.role || after.fit.band != result.fit.band)
      // One change fewer is not enough: the last change is needed.
      var fewer = sheet
      for change in edge.changes.dropLast() { fewer[change.question] = change.to }
      let before = scorer.score(fewer)
      if edge.kind == .role { #expect(before.fit.role == result.fit.role) }
    }
    let roleEdge = try #require(result.edges.first { $0.kind == .role })
    #expect(roleEdge.newRole == "program-manager")
  }
}

/// "What would change it" proposes the smallest change that crosses, not the furthest answer.
@Suite struct SmallestChangeTests {
  let pack: ContentPack

  /// The bundled bank scores no number since its rewrite (the tracks of issue 10), so the
  /// pack gets one scored count back, with the ranges the old bank's "related projects" had
  /// (weighted a little more, so that crossing often goes through it).
  init() throws {
    let count = PackFile(
      path: "questions/related-projects.yaml", displayPath: "test/related-projects.yaml",
      text: """
        version: 1
        questions:
          - id: horizon.related-projects
            type: number
            area: horizon
            track: current
            text: "How many related projects, each with its own team or plan, do you coordinate right now?"
            measures: "Whether you steer one delivery or a set of related ones."
            claims: [pgm-fleet]
            unit: projects
            min: 0
            max: 100
            ranges:
              - {max: 0, weights: {}}
              - {max: 1, weights: {project-manager: 3}}
              - {max: 2, weights: {project-manager: 1, program-manager: 1}}
              - {weights: {program-manager: 3}}
        """)
    pack = try #require(try ContentLoader.load(TestPacks.bundledFiles + [count]).pack)
  }

  /// A balanced sheet: half the scored questions lean one way, half the other.
  func sheets() -> [AnswerSheet] {
    var generator = SplitMix64(seed: 11)
    return (0..<40).map { _ in
      var sheet = AnswerSheet()
      for question in pack.scoredQuestions {
        switch question.kind {
        case .number:
          sheet[question.id] = .number(Double(Int.random(in: 0...2, using: &generator)))
        case .multi:
          sheet[question.id] = .choices([question.options.randomElement(using: &generator)?.id ?? "none"])
        default:
          sheet[question.id] = question.options.randomElement(using: &generator).map { .choice($0.id) }
        }
      }
      return sheet
    }
  }

  @Test func aNumberMovesOnlyAsFarAsTheRangeThatCrosses() throws {
    var numberChanges = 0
    for sheet in sheets() {
      for edge in Scorer(pack: pack).score(sheet).edges {
        for change in edge.changes {
          guard case .number(let from) = change.from, case .number(let to) = change.to,
            let spec = pack.question(change.question)?.number
          else { continue }
          numberChanges += 1
          // The nearest number in the new answer's range: no number between it and the answer
          // given earns the same weights.
          let weights = spec.weights(for: to)
          let step: Double = to > from ? -1 : 1
          let nearer = to + step
          if nearer != from && (min(from, to)...max(from, to)).contains(nearer) {
            #expect(spec.weights(for: nearer) != weights, "\(change.question): \(from) → \(to)")
          }
        }
      }
    }
    #expect(numberChanges > 0)
  }

  @Test func everyChangeIsNeeded() {
    let scorer = Scorer(pack: pack)
    for sheet in sheets() {
      let result = scorer.score(sheet)
      for edge in result.edges where edge.changes.count > 1 {
        for left in edge.changes.indices {
          var changed = sheet
          for (index, change) in edge.changes.enumerated() where index != left { changed[change.question] = change.to }
          let after = scorer.score(changed)
          #expect(after.fit.role != edge.newRole || after.fit.band != edge.newBand)
        }
      }
    }
  }
}
