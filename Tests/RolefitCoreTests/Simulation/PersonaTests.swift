import Foundation
import RolefitCore
import Testing

/// The persona answer files in `eval/personas/`, each written from a public role description,
/// scored against the outcome their `# expect...` comment lines state.
@Suite struct PersonaTests {
  static var files: [URL] {
    let folder = TestPacks.repository.appendingPathComponent("eval/personas")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// The value of a `# key: value` comment line.
  func expectation(_ key: String, in text: String) -> String? {
    text.split(separator: "\n").first { $0.hasPrefix("# \(key):") }.map {
      $0.dropFirst(key.count + 3).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func thereIsAPersonaForEveryRoleOfThePack() throws {
    let pack = try TestPacks.bundled
    let expected = try Set(
      Self.files.compactMap { expectation("expect", in: try String(contentsOf: $0, encoding: .utf8)) })
    #expect(expected == Set(pack.assessedRoles.map(\.id)))
  }

  @Test(arguments: files.map(\.lastPathComponent))
  func personaGetsTheOutcomeItsFileStates(name: String) throws {
    let pack = try TestPacks.bundled
    let url = TestPacks.repository.appendingPathComponent("eval/personas/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(expectation("why", in: text) != nil, "\(name) says why it expects what it does")
    let result = Scorer(pack: pack).score(try AnswerFile.parse(text, file: name, pack: pack))
    if let role = expectation("expect", in: text) {
      #expect(RespondentSimulator.verdict(result) == role, "\(name): \(result.fit)")
    }
    if let track = expectation("expect-track", in: text) {
      #expect(result.track.rawValue == track)
    }
    if let warning = expectation("expect-warning", in: text) {
      #expect(result.warnings.contains { $0.id == warning }, "\(name): \(result.warnings.map(\.id))")
      #expect(result.fit.confidence <= 0.5)
    }
  }
}
