import Foundation
import RolefitBundledContent
import RolefitCore
import Testing

/// A whole small workshop through a pseudo-terminal: new, votes, reveal, revote, note, report.
@Suite(.serialized) struct WorkshopEndToEndTests {
  @Test func aSmallSessionEndToEnd() throws {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    let pack = try #require(try ContentLoader.load(files).pack)
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    let options = WorkshopSession(name: "x", agenda: agenda, pack: pack, participants: []).options(
      for: agenda.items[0].item, pack: pack
    ).map(\.id)
    let environment = RolefitBinary.environment()
    let terminal = try PseudoTerminal(
      arguments: ["workshop", "new", "calibration", "--agenda", agenda.id, "--participants", "Ana, Ben, Chen"],
      environment: environment)
    #expect(terminal.waitFor("workshop> "))
    terminal.type("\(options[0]) \(options[1]) \(options[1])\r")
    #expect(terminal.waitFor("Everyone has voted"))
    terminal.type("reveal\r")
    #expect(terminal.waitFor("Teaching note:"))
    terminal.type("revote\r")
    #expect(terminal.waitFor("Round 2"))
    terminal.type("ana=\(options[1]) ben=\(options[1]) chen=\(options[1])\r")
    terminal.type("reveal\r")
    #expect(terminal.waitFor("Round 1 disagreement was"))
    terminal.type("note fleet analogy settled it\r")
    #expect(terminal.waitFor("Noted on item 1."))
    terminal.type("\r")
    #expect(terminal.waitFor("Item 2 of \(agenda.items.count)"))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)

    let report = try RolefitBinary.run(["workshop", "report", "calibration"], environment: environment)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("# Workshop report: calibration"))
    #expect(report.stdout.contains("- Round 1: "))
    #expect(report.stdout.contains("- Round 2: "))
    #expect(report.stdout.contains("Converged: the revote brought the group together."))
    #expect(report.stdout.contains("- Note: fleet analogy settled it"))
    #expect(report.stdout.contains("| Ana |"))
    let json = try RolefitBinary.run(
      ["workshop", "report", "calibration", "--format", "json"], environment: environment)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    #expect((items[0]["rounds"] as? [[String: Any]])?.count == 2)

    let resumed = try RolefitBinary.run(
      ["workshop", "resume", "calibration"], input: "quit\n", environment: environment)
    #expect(resumed.stdout.contains("Item 2 of"), "resumes where it stopped")
  }

  @Test func theFacilitatorNamedAtCreationHeadsTheRecord() throws {
    let environment = RolefitBinary.environment()
    let refused = try RolefitBinary.run(
      [
        "workshop", "new", "room", "--agenda", "project-or-program-intro", "--participants", "Ana", "--facilitator",
        "Dana\u{1B}[2J",
      ], input: "quit\n", environment: environment)
    #expect(refused.status == 64, "\(refused.stderr)")
    let created = try RolefitBinary.run(
      [
        "workshop", "new", "room", "--agenda", "project-or-program-intro", "--participants", "Ana, Ben",
        "--facilitator", " Dana Ortiz ",
      ], input: "quit\n", environment: environment)
    #expect(created.status == 0, "\(created.stderr)")
    let report = try RolefitBinary.run(["workshop", "report", "room"], environment: environment)
    #expect(report.stdout.contains(" · **Facilitator:** Dana Ortiz\n"), "\(report.stdout)")
    let json = try RolefitBinary.run(["workshop", "report", "room", "--format", "json"], environment: environment)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["facilitator"] as? String == "Dana Ortiz")
  }

  @Test func importsAreReportedNotDuplicatedAndOtherPacksAreRefused() throws {
    let environment = RolefitBinary.environment()
    let folder = try RolefitBinary.temporaryDirectory()
    let answers = folder.appendingPathComponent("answers.yaml")
    try "resp.shared-devops: b\nprofile.education: bachelor\n".write(to: answers, atomically: true, encoding: .utf8)
    let dana = folder.appendingPathComponent("dana.json")
    let assessed = try RolefitBinary.run(
      ["assess", "--answers", answers.path, "--format", "json"], environment: environment)
    try assessed.stdout.write(to: dana, atomically: true, encoding: .utf8)
    let created = try RolefitBinary.run(
      ["workshop", "new", "panel", "--agenda", "hiring-panel-calibration", "--participants", "Ana"], input: "quit\n",
      environment: environment)
    #expect(created.status == 0, "\(created.stderr)")
    let first = try RolefitBinary.run(["workshop", "import", "panel", dana.path], environment: environment)
    #expect(first.stdout.contains("Imported dana"))
    let second = try RolefitBinary.run(["workshop", "import", "panel", dana.path], environment: environment)
    #expect(second.stdout.contains("dana was already imported"))
    // A real result, answered with another pack.
    let foreign = folder.appendingPathComponent("eve.json")
    var other = try AssessmentDocument.decode(Data(assessed.stdout.utf8))
    other.pack.id = "another-pack"
    try JSONOutput.encode(other).write(to: foreign, atomically: true, encoding: .utf8)
    let refused = try RolefitBinary.run(["workshop", "import", "panel", foreign.path], environment: environment)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("content pack 'another-pack'"))
  }
}
