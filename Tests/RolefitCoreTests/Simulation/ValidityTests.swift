import RolefitCore
import Testing

/// Validity shown by simulation.
///
/// Respondents with a true role answer with noise; random and patterned respondents and people
/// answering to look senior game it. The figures come from the bundled pack as trainers ship it;
/// nothing here is tuned per case.
@Suite struct ValidityTests {
  static let noise = 0.2
  static let perStrategy = 40

  static let outcomes = Result { () throws -> [RespondentSimulator.Outcome] in
    try RespondentSimulator(pack: TestPacks.bundled).run(count: perStrategy, noise: noise, seed: 7)
  }

  func outcomes(_ strategy: String) throws -> [RespondentSimulator.Outcome] {
    try Self.outcomes.get().filter { $0.strategy.description == strategy }
  }

  @Test func everyRoleOfThePackLandsOnItselfDespiteNoise() throws {
    let pack = try TestPacks.bundled
    #expect(pack.assessedRoles.count >= 5)
    for role in pack.assessedRoles {
      let group = try outcomes(role.id)
      let right = group.filter { RespondentSimulator.verdict($0.full) == role.id }.count
      #expect(Double(right) >= 0.9 * Double(group.count), "\(role.id): \(right) of \(group.count)")
      // Someone who does another job is never told strongly that they do project or program work.
      let strongWrong = group.filter {
        $0.full.fit.band == pack.scoring.bands.first?.id && !$0.full.fit.isUnclear && $0.full.fit.role != role.id
      }
      #expect(strongWrong.isEmpty, "\(role.id): \(strongWrong.count) strong verdicts for another role")
    }
  }

  @Test(arguments: ["random", "always-first", "always-longest", "most-strategic", "look-senior"])
  func gamingAndCarelessRespondentsNeverGetAStrongConfidentUnwarnedVerdict(strategy: String) throws {
    let pack = try TestPacks.bundled
    for outcome in try outcomes(strategy) {
      let result = outcome.full
      let strongAndConfident = result.fit.band == pack.scoring.bands.first?.id && result.fit.confidence >= 0.7
      #expect(!(strongAndConfident && result.warnings.isEmpty), "\(strategy): \(result.fit)")
    }
  }

  @Test(arguments: ["always-first", "always-longest", "most-strategic", "look-senior"])
  func patternedRespondentsAreWarned(strategy: String) throws {
    for outcome in try outcomes(strategy) {
      #expect(!outcome.full.warnings.isEmpty, "\(strategy) got no warning: \(outcome.full.fit)")
      #expect(outcome.full.fit.confidence <= 0.5)
    }
  }

  /// A random answer set can, by chance, look like someone's real work (nine of twelve answers
  /// for one role happens about once in three hundred); no check can tell those apart, so the
  /// claim is about nearly all of them.
  @Test func randomRespondentsNearlyAlwaysGetLowConfidenceOrAWarning() throws {
    let group = try outcomes("random")
    let caught = group.filter { $0.full.fit.confidence < 0.5 || !$0.full.warnings.isEmpty }
    #expect(Double(caught.count) >= 0.95 * Double(group.count), "\(caught.count) of \(group.count)")
  }

  @Test func theLookSeniorRespondentIsToldWhatDrawsThemAndWarnedAboutScope() throws {
    for outcome in try outcomes("look-senior") {
      #expect(outcome.full.track == .preference)
      #expect(outcome.full.warnings.contains { $0.id == "senior-scope-no-experience" })
    }
  }

  @Test func theShortFormAgreesWithTheFullFormAndStaysShortForClearRespondents() throws {
    let all = try Self.outcomes.get()
    let agreeing = all.filter { RespondentSimulator.verdict($0.full) == RespondentSimulator.verdict($0.short) }
    #expect(Double(agreeing.count) >= 0.9 * Double(all.count))
    let pack = try TestPacks.bundled
    let clear = RespondentSimulator(pack: pack).run(count: 10, noise: 0, seed: 3).filter {
      if case .role = $0.strategy { return true }
      return false
    }
    for outcome in clear {
      #expect(outcome.asked.count <= 15, "\(outcome.strategy): \(outcome.asked.count) questions")
      #expect(outcome.askedScored < Scorer(pack: pack).questions(for: .current).count)
    }
  }
}
