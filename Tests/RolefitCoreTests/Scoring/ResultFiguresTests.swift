import RolefitCore
import Testing

/// The result's figures: evidence strength, "no clear role", tracks, and the short form's replay.
@Suite struct ResultFiguresTests {
  /// Answers choosing, in every scored question of the current track, the option of `role`.
  func answers(for role: String, pack: ContentPack) -> AnswerSheet {
    var sheet = AnswerSheet(values: ["profile.track": .choice("current"), "profile.project-months": .number(40)])
    for question in Scorer(pack: pack).questions(for: .current) {
      if let option = question.options.first(where: { ($0.weights[role] ?? 0) > 0 }) {
        sheet[question.id] = .choice(option.id)
      }
    }
    return sheet
  }

  @Test func answersWithNoRoleEvidenceAreNoClearRoleRatherThanAHybrid() throws {
    let pack = try TestPacks.bundled
    // Only unscored answers (the profile) and a pack whose weights are all zero for the answers given.
    let result = Scorer(pack: pack).score(AnswerSheet(values: ["profile.track": .choice("current")]))
    #expect(result.fit.isUnclear)
    #expect(!result.fit.isHybrid)
    #expect(result.evidenceStrength == 0)
    let text = AssessmentRenderer(pack: pack).render(AssessmentReport(pack: pack, answers: AnswerSheet()), as: .text)
    #expect(text.contains("No clear role"))
  }

  @Test func anotherRoleIsNamedAsSuch() throws {
    let pack = try TestPacks.bundled
    let role = try #require(pack.otherRoles.first)
    let report = AssessmentReport(pack: pack, answers: answers(for: role.id, pack: pack))
    #expect(report.result.fit.role == role.id)
    #expect(report.result.evidenceStrength == 1)
    let json = AssessmentRenderer(pack: pack).render(report, as: .json)
    #expect(json.contains("\"otherRole\" : true"))
    #expect(json.contains("\"track\" : \"current\""))
    #expect(json.contains("\"evidenceStrength\" : 1"))
    #expect(AssessmentRenderer(pack: pack).render(report, as: .text).contains("your work reads more like this than"))
  }

  @Test func thePreferenceTrackScoresItsOwnQuestionsAndSaysWhatDrawsYou() throws {
    let pack = try TestPacks.bundled
    let role = try #require(pack.roles.first)
    var sheet = answers(for: role.id, pack: pack)
    sheet["profile.track"] = .choice("preference")
    let scorer = Scorer(pack: pack)
    // The current-work answers do not count on the preference track.
    #expect(scorer.score(sheet).answeredScored == 0)
    for question in scorer.questions(for: .preference) {
      sheet[question.id] = question.options.first { ($0.weights[role.id] ?? 0) > 0 }.map { .choice($0.id) }
    }
    let report = AssessmentReport(pack: pack, answers: sheet)
    #expect(report.result.track == .preference)
    #expect(report.result.fit.role == role.id)
    #expect(AssessmentRenderer(pack: pack).render(report, as: .text).contains("What draws you: "))
  }

  @Test func eachAreaCountsTheQuestionsOfTheTrackAnswered() throws {
    let pack = try TestPacks.bundled
    let role = try #require(pack.roles.first)
    let result = Scorer(pack: pack).score(answers(for: role.id, pack: pack))
    // Every question of the current track answered: no area reads "4/6" for questions never asked.
    #expect(!result.areas.isEmpty)
    for area in result.areas { #expect(area.answered == area.total, "\(area.area)") }
    #expect(result.areas.map(\.total).reduce(0, +) == result.totalScored)
  }

  @Test func theRunAsksTheProfileFirstAndOnlyTheChosenTracksQuestions() throws {
    let pack = try TestPacks.bundled
    var run = AssessmentRun(pack: pack)
    #expect(run.current?.profileField == .track)
    run.answer(.choice("preference"))
    #expect(!run.questions.contains { $0.track == .current })
    #expect(run.questions.contains { $0.track == .preference })
  }

  @Test func theShortFormReplaysOnlyWhatItAsksAndStopsWhenStable() throws {
    let pack = try TestPacks.bundled
    let role = try #require(pack.roles.last)
    let full = answers(for: role.id, pack: pack)
    let replay = ShortForm(pack: pack).replay(full)
    #expect(replay.asked.first == "profile.track")
    #expect(Set(replay.sheet.values.keys) == Set(replay.asked))
    let scored = replay.asked.filter { id in pack.scoredQuestions.contains { $0.id == id } }
    #expect(scored.count == pack.scoring.shortForm.minQuestions)
    #expect(Scorer(pack: pack).score(replay.sheet).fit.role == role.id)
  }

  @Test func eachQualityProblemLowersTheConfidence() throws {
    let pack = try TestPacks.bundled
    let role = try #require(pack.roles.last)
    var sheet = answers(for: role.id, pack: pack)
    let clean = Scorer(pack: pack).score(sheet)
    #expect(clean.warnings.isEmpty)
    sheet["profile.project-months"] = .number(0)
    sheet["profile.program-months"] = .number(0)
    let flagged = Scorer(pack: pack).score(sheet)
    #expect(flagged.warnings.map(\.id) == ["senior-scope-no-experience"])
    #expect(flagged.fit.confidence <= clean.fit.confidence * pack.scoring.responseStyle.carelessConfidenceFactor + 1e-9)
  }
}
