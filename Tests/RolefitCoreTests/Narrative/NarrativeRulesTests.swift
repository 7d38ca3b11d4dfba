import Foundation
import RolefitCore
import Testing

/// `narrative.yaml` is loaded and checked like the rest of the pack.
@Suite struct NarrativeRulesTests {
  /// The bundled pack with `narrative.yaml` changed: `old` must occur in it.
  func bundled(replacing old: String, with new: String) -> [PackFile] {
    TestPacks.bundledFiles.map { file in
      guard file.path == "narrative.yaml" else { return file }
      precondition(file.text.contains(old), "fixture text '\(old)' not found in narrative.yaml")
      var changed = file
      changed.text = file.text.replacingOccurrences(of: old, with: new)
      return changed
    }
  }

  func errors(_ files: [PackFile]) -> [String] {
    ContentLoader.read(files).diagnostics.filter { $0.severity == .error }.map(\.message)
  }

  @Test func theBundledRulesLoadWithEveryDomainAndOutlineVersion() throws {
    let rules = try #require(try TestPacks.bundled.narrative)
    #expect(rules.domains.map(\.id) == ["strategic-alignment", "life-cycle", "benefits", "stakeholders", "governance"])
    #expect(rules.outline.count == 3)
    #expect(rules.outline.allSatisfy { $0.weights.isEmpty || $0.weights.values.reduce(0, +) == 100 })
    #expect(rules.credential == "pgmp")
    #expect(rules.domains.allSatisfy { !$0.claims.isEmpty })
    #expect(rules.patterns.allSatisfy { !$0.claims.isEmpty })
  }

  @Test func anUnknownDomainInAnOutlineIsAnError() {
    let files = bundled(
      replacing: "weights: {strategic-alignment: 15, life-cycle: 44",
      with: "weights: {strategic-alignmnt: 15, life-cycle: 44")
    #expect(
      errors(files).contains {
        $0.hasPrefix("unknown domain 'strategic-alignmnt' (did you mean 'strategic-alignment'?)")
      })
  }

  @Test func weightsThatDoNotAddUpTo100AreAnError() {
    let files = bundled(
      replacing: "life-cycle: 44, benefits: 11, stakeholders: 16, governance: 14}\n    - id: eco-2024",
      with: "life-cycle: 40, benefits: 11, stakeholders: 16, governance: 14}\n    - id: eco-2024")
    #expect(errors(files).contains("the weights of outline 'later-summaries' must add up to 100"))
  }

  @Test func aPatternWithoutASourceIsAnError() {
    let files = bundled(replacing: "    claims: [def-program, pm-tactical-execution]\n", with: "")
    #expect(errors(files).contains("pattern 'one-deliverable-program' cites no claim"))
  }

  @Test func anUnknownLexiconEntryOrClaimIsAnError() {
    let files = bundled(replacing: "entries: [benefits-realization,", with: "entries: [benefit-realisation,")
    #expect(errors(files).contains { $0.hasPrefix("unknown lexicon entry 'benefit-realisation'") })
  }

  @Test func aProjectPatternNeedsQuestionsAndAKnownSide() {
    let files = bundled(replacing: "reads_as: project\n    weight: 2", with: "reads_as: projects\n    weight: 2")
    #expect(errors(files).contains("'reads_as' must be program or project"))
  }
}
