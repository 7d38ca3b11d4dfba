import Foundation
import RolefitCore
import Testing

/// The database as users meet it: answers survive a killed process, sessions can be listed,
/// exported and deleted, and a damaged file is named and never touched.
@Suite(.serialized) struct StoreEndToEndTests {
  let pack: ContentPack

  init() throws { pack = try RolefitBinary.bundledPack() }

  func firstOptions(_ count: Int) -> [String] {
    AssessmentRun(pack: pack).questions.prefix(count).map { $0.kind == .number ? "3" : $0.optionIDs[0] }
  }

  @Test func answersGivenBeforeAKill9AreThereOnRestart() throws {
    let environment = RolefitBinary.environment()
    let process = Process()
    process.executableURL = try RolefitBinary.url
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data((["assess"] + firstOptions(5)).joined(separator: "\n").utf8 + [0x0A]))
    // Wait until the sixth question is shown: the fifth answer was saved before it.
    var seen = Data()
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains("[6/") {
      seen.append(output.fileHandleForReading.availableData)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    let listed = try RolefitBinary.run(["sessions"], environment: environment)
    #expect(listed.stdout.contains("assessment"))
    #expect(listed.stdout.contains("5/\(AssessmentRun(pack: pack).questions.count)"), "\(listed.stdout)")
    let resumed = try RolefitBinary.run(["assess"], input: "", environment: environment)
    #expect(resumed.stdout.contains("[6/"), "resumes at the sixth question")
  }

  @Test func sessionsCanBeShownExportedAndDeleted() throws {
    let environment = RolefitBinary.environment()
    let answers = AssessmentRun(pack: pack).questions.map { $0.kind == .number ? "3" : $0.optionIDs[0] }
    let finished = try RolefitBinary.run(
      [], input: (["assess"] + answers).joined(separator: "\n") + "\n", environment: environment)
    #expect(finished.stdout.contains("Your work "))
    let listed = try RolefitBinary.run(["sessions", "list"], environment: environment)
    #expect(listed.stdout.contains("    1  assessment"))
    #expect(listed.stdout.contains("done"))
    let exported = try RolefitBinary.run(["sessions", "export", "1", "--format", "json"], environment: environment)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
    #expect(object["fit"] is [String: Any])
    let markdown = try RolefitBinary.run(["sessions", "export", "1", "--format", "markdown"], environment: environment)
    #expect(markdown.stdout.hasPrefix("## Your answers"))
    #expect(markdown.stdout.contains("# rolefit assessment"))
    let history = try RolefitBinary.run(["history"], environment: environment)
    #expect(history.stdout.contains("Project manager") || history.stdout.contains("Program manager"))
    let refused = try RolefitBinary.run(["sessions", "delete", "1"], environment: environment)
    #expect(refused.status == 64, "no terminal to ask: --yes is required")
    let deleted = try RolefitBinary.run(["sessions", "delete", "1", "--yes"], environment: environment)
    #expect(deleted.stdout == "Deleted session 1.\n")
    let missing = try RolefitBinary.run(["sessions", "show", "1"], environment: environment)
    #expect(missing.status == 66)
  }

  @Test func aDamagedDatabaseIsNamedLeftAloneAndRepairedOnlyWhenAsked() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let database = folder.appendingPathComponent("rolefit.sqlite")
    let junk = Data("this is not a database, just text that someone saved here\n".utf8)
    try junk.write(to: database)
    chmod(database.path, 0o600)
    let environment = RolefitBinary.environment(["ROLEFIT_DB": database.path])
    let refused = try RolefitBinary.run(["sessions"], environment: environment)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains(database.path))
    #expect(try Data(contentsOf: database) == junk)
    let demo = try RolefitBinary.run(["--no-save"], input: "assess\n", environment: environment)
    #expect(demo.status == 0, "the program still works with --no-save")
    let repaired = try RolefitBinary.run(["sessions", "repair", "--yes"], environment: environment)
    #expect(repaired.status == 0, "\(repaired.stderr)")
    let moved = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("corrupt") }
    #expect(moved.count == 1)
    #expect(try Data(contentsOf: folder.appendingPathComponent(moved[0])) == junk)
    #expect(try RolefitBinary.run(["sessions"], environment: environment).status == 0)
  }

  @Test func noSaveLeavesNothingBehind() throws {
    let environment = RolefitBinary.environment()
    let outcome = try RolefitBinary.run(
      ["--no-save"], input: "assess\n" + firstOptions(3).joined(separator: "\n") + "\n", environment: environment)
    #expect(outcome.status == 0)
    let data = try #require(environment["XDG_DATA_HOME"])
    #expect(!FileManager.default.fileExists(atPath: data + "/rolefit/rolefit.sqlite"))
  }
}
