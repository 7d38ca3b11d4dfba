import Foundation
import RolefitCore
import Testing

/// `history` reads the stored result as a typed document: a key renamed in a stored result is
/// an unreadable document, shown as unknown, never read as 0% for every role.
@Suite(.serialized) struct HistoryEndToEndTests {
  static let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: sqlite != nil, "needs the sqlite3 shell to change a stored result"))
  func aStoredResultThatNoLongerDecodesIsShownAsUnknownNotAsZero() throws {
    let environment = RolefitBinary.environment()
    let pack = try RolefitBinary.bundledPack()
    let answers = AssessmentRun(pack: pack).questions.map { $0.kind == .number ? "12" : $0.optionIDs[0] }
    let session = try RolefitBinary.run(
      ["--person", "Sam"], input: (["assess"] + answers).joined(separator: "\n") + "\n", environment: environment)
    #expect(session.status == 0, "\(session.stderr)")
    let roleLines = { (output: String) in
      output.split(separator: "\n").filter { line in pack.assessedRoles.contains { line.hasPrefix($0.name + " ") } }
    }
    let before = try RolefitBinary.run(["history", "--person", "Sam"], environment: environment)
    #expect(roleLines(before.stdout).count >= 2, "\(before.stdout)")
    #expect(roleLines(before.stdout).contains { !$0.hasSuffix(" 0%") && $0.hasSuffix("%") }, "\(before.stdout)")

    // The key the history reads renamed, as a change of shape would.
    let database = try #require(environment["XDG_DATA_HOME"]) + "/rolefit/rolefit.sqlite"
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: try #require(Self.sqlite))
    shell.arguments = [database, #"UPDATE session SET resultJSON = replace(resultJSON, '"roles"', '"shares"');"#]
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)

    let after = try RolefitBinary.run(["history", "--person", "Sam"], environment: environment)
    #expect(after.status == 0, "\(after.stderr)")
    let lines = roleLines(after.stdout)
    #expect(lines.count >= 2, "\(after.stdout)")
    #expect(lines.allSatisfy { $0.hasSuffix("–") && !$0.contains("%") }, "\(after.stdout)")
  }
}
