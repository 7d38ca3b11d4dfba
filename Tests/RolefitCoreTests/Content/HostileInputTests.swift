import Foundation
import RolefitCore
import Testing

/// Answers files and packs an attacker or a careless user could write: each is refused with a
/// diagnostic naming the place, never a crash, a hang or a value that slips through.
@Suite struct HostileInputTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  private func diagnostics(ofAnswers text: String, file: String) -> [String] {
    do {
      _ = try AnswerFile.parse(text, file: file, pack: pack)
      return []
    } catch ContentError.invalid(let items) {
      return items.map(\.description)
    } catch {
      return ["unexpected \(error)"]
    }
  }

  @Test(arguments: [
    "profile.project-months: NaN\n", "profile.project-months: \"nan\"\n", "profile.training-hours: .nan\n",
    "profile.training-hours: -.inf\n", "{\"profile.training-hours\": NaN}\n", "{\"profile.project-months\": \"nan\"}\n",
    "{\"profile.project-months\": 1e400}\n",
  ])
  func notANumberOrInfinityInAnswersIsAnError(text: String) {
    let found = diagnostics(ofAnswers: text, file: "me.yaml")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("me.yaml:1:") == true, "\(found)")
  }

  @Test func aNumberAnswerThatIsNotFiniteIsRefusedWhenTyped() throws {
    let question = try #require(pack.question("profile.training-hours"))
    #expect(throws: AnswerError.self) { try question.validate(.number(.nan)).get() }
    #expect(throws: AnswerError.self) { try question.validate(.number(.infinity)).get() }
  }

  /// Each level's key is an alias of the level before: hashing the keys whole doubles per level.
  static func aliasKeyBomb(levels: Int) -> String {
    var lines = ["a0: &a0 {x: 1, y: 2}"]
    for level in 1...levels { lines.append("a\(level): &a\(level) {*a\(level - 1) : 1, z: *a\(level - 1)}") }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func anAliasUsedAsAMappingKeyIsRefusedWhereItIs() {
    let found = diagnostics(ofAnswers: Self.aliasKeyBomb(levels: 40), file: "bomb.yaml")
    #expect(found == ["bomb.yaml:2:10: error: a mapping key must be text, not an alias (*name)"])
  }

  @Test func aListUsedAsAMappingKeyIsRefused() {
    let found = diagnostics(ofAnswers: "? [a, b]\n: 1\n", file: "me.yaml")
    #expect(found == ["me.yaml:1:3: error: a mapping key must be text, not a list or a mapping"])
  }

  @Test func anAliasBombInAPackFileIsRefused() throws {
    let files = try TestPacks.trainer(adding: "claims.yaml", text: Self.aliasKeyBomb(levels: 40))
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(errors == ["trainer-pack/claims.yaml:2:10: error: a mapping key must be text, not an alias (*name)"])
  }

  @Test(arguments: [
    ("evidence_count: 3", "evidence_count: -1", "'evidence_count' must be between 0 and 1000 (got -1)"),
    ("resamples: 200", "resamples: 1000000000", "'resamples' must be between 1 and 100000 (got 1000000000)"),
    ("resamples: 200", "resamples: 4611686018427387904", "'resamples' must be between 1 and 100000"),
    ("full_coverage: 0.8", "full_coverage: .nan", "'full_coverage' must be a number"),
  ])
  func packNumbersOutsideTheirRangeAreErrors(old: String, new: String, message: String) throws {
    let files = try TestPacks.trainer(replacing: old, with: new, in: "pack.yaml")
    let outcome = ContentLoader.read(files)
    let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(outcome.pack.map { _ in true } == nil)
    #expect(errors.count == 1 && errors.first?.contains(message) == true, "\(errors)")
  }

  /// A kind of other role is named from at least one of its phrases: zero is refused by name.
  @Test func namingAKindFromNoPhraseIsAnError() throws {
    let files = try TestPacks.bundledFiles.map { file in
      var changed = file
      if file.path == "jd.yaml" {
        changed.text = file.text.replacingOccurrences(of: "named_from: 2", with: "named_from: 0")
      }
      return changed
    }
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(
      errors.count == 1 && errors.first?.contains("'named_from' must be between 1 and 100 (got 0)") == true, "\(errors)"
    )
  }

  /// The trainer pack gives `program-manager: 2` on two lines; both are refused.
  @Test func aHugeWeightIsAnErrorNamingItsPlace() throws {
    let files = try TestPacks.trainer(
      replacing: "weights: {program-manager: 2}", with: "weights: {program-manager: 1e308}",
      in: "questions/success.yaml")
    let outcome = ContentLoader.read(files)
    let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(outcome.pack.map { _ in true } == nil)
    #expect(
      errors.count == 2
        && errors.first?.hasPrefix("trainer-pack/questions/success.yaml:10:") == true
        && errors.first?.hasSuffix("weight 'program-manager' must be between 0 and 100 (got 1e308)") == true,
      "\(errors)")
  }
}

@Suite struct CalendarDateTests {
  @Test(arguments: ["2026-02-30", "2026-02-29", "2026-04-31", "2100-02-29", "2026-13-01", "2026-00-10"])
  func impossibleDatesAreRefused(text: String) {
    #expect(CalendarDate(text) == nil)
  }

  @Test(arguments: ["2024-02-29", "2000-02-29", "2026-01-31", "2026-12-31"])
  func realDatesAreRead(text: String) {
    #expect(CalendarDate(text) != nil)
  }
}
