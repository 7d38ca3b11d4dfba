import Foundation
import Testing

/// The built binary under input an attacker or a careless user would give it.
@Suite(.serialized) struct HostileInputEndToEndTests {
  static let escapes = "\u{1B}]0;PWNED\u{07} \u{1B}]52;c;aGk=\u{07} \u{1B}[2J \u{9B}31m"

  private func hasControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
  }

  @Test(arguments: [["questions"], ["questions", "--format", "json"], ["content", "stats"]])
  func outputToAFullDiskExits74(arguments: [String]) throws {
    let process = Process()
    process.executableURL = try RolefitBinary.url
    process.arguments = arguments
    process.environment = RolefitBinary.environment()
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let stderr = Pipe()
    process.standardError = stderr
    try process.run()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(message == "rolefit: cannot write to standard output: No space left on device\n")
  }

  @Test func aFolderGivenAsJSONLinesIsNamedAndExits66() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let outcome = try RolefitBinary.run(["jd", "--jsonl", folder.path])
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "rolefit: \(folder.path): a folder, not a file\n")
  }

  @Test func aFolderWithNoPostingsExits66() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let outcome = try RolefitBinary.run(["jd", folder.path])
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "rolefit: \(folder.path): no .txt or .md postings in this folder\n")
  }

  @Test func minAccuracyOutsideZeroToOneIsAUsageError() throws {
    let outcome = try RolefitBinary.run(["jd", "--evaluate", "-", "--min-accuracy", "2"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.hasPrefix("Error: --min-accuracy must be a share between 0 and 1 (got 2.0).\n"))
  }

  @Test(arguments: ["text", "markdown", "csv", "json"])
  func escapeSequencesInAPostingNeverReachTheOutput(format: String) throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("evil \(Self.escapes).txt")
    try "Manage the project schedule \(Self.escapes) and the sprint backlog.\n".write(
      to: file, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["jd", file.path, "--format", format, "--title", "PM \(Self.escapes)"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    if format == "json" {
      // JSON escapes C0 and ESC itself; into a pipe, DEL and C1 are data, left as they are.
      #expect(!outcome.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    } else {
      #expect(!hasControls(outcome.stdout), "\(outcome.stdout.debugDescription)")
    }
    #expect(!hasControls(outcome.stderr), "\(outcome.stderr.debugDescription)")
  }

  @Test func escapeSequencesInErrorMessagesAndOptionNamesAreShownNotSent() throws {
    let missing = try RolefitBinary.run(["jd", "/nonexistent/\(Self.escapes).txt"])
    #expect(missing.status == 66)
    #expect(!hasControls(missing.stderr) && missing.stderr.contains("\u{241B}]0;PWNED"))
    let option = try RolefitBinary.run(["questions", "--x\(Self.escapes)"])
    #expect(option.status == 64)
    #expect(!hasControls(option.stderr), "\(option.stderr.debugDescription)")
    let answers = try RolefitBinary.temporaryDirectory().appendingPathComponent("a.yaml")
    try "\"\(Self.escapes)\": 1\n".write(to: answers, atomically: true, encoding: .utf8)
    let key = try RolefitBinary.run(["assess", "--answers", answers.path])
    #expect(key.status == 65)
    #expect(!hasControls(key.stderr), "\(key.stderr.debugDescription)")
  }

  @Test func notANumberInAnAnswersFileExits65() throws {
    let answers = try RolefitBinary.temporaryDirectory().appendingPathComponent("a.json")
    try "{\"profile.training-hours\": NaN}".write(to: answers, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["assess", "--answers", answers.path])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("'NaN' is not a number"))
  }

  @Test func outOntoALinkWritesThroughItAndKeepsTheMode() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let answers = folder.appendingPathComponent("a.yaml")
    try "profile.project-months: 40\n".write(to: answers, atomically: true, encoding: .utf8)
    let target = folder.appendingPathComponent("result.json").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
    let link = folder.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let outcome = try RolefitBinary.run(["assess", "--answers", answers.path, "--out", link])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
  }

  /// A copy of the bundled pack in a fresh folder, to break.
  private func packCopy() throws -> URL {
    let folder = try RolefitBinary.temporaryDirectory().appendingPathComponent("pack")
    try FileManager.default.copyItem(at: RolefitBinary.repository.appendingPathComponent("content"), to: folder)
    return folder
  }

  @Test func anUnreadablePackFileIsNamedWithWhatItIs() throws {
    let folder = try packCopy()
    let questions = folder.appendingPathComponent("questions")
    try FileManager.default.createDirectory(
      at: questions.appendingPathComponent("odd.yaml"), withIntermediateDirectories: true)
    let asFolder = try RolefitBinary.run(["content", "lint", folder.path])
    #expect(asFolder.status == 66)
    #expect(asFolder.stderr.contains("odd.yaml: cannot read: a folder, not a file"), "\(asFolder.stderr)")
    try FileManager.default.removeItem(at: questions.appendingPathComponent("odd.yaml"))
    try FileManager.default.createSymbolicLink(
      atPath: questions.appendingPathComponent("loop.yaml").path, withDestinationPath: "loop.yaml")
    let loop = try RolefitBinary.run(["content", "lint", folder.path])
    #expect(loop.status == 66)
    #expect(loop.stderr.contains("loop.yaml: cannot read: a loop of symbolic links"), "\(loop.stderr)")
    try FileManager.default.removeItem(at: questions.appendingPathComponent("loop.yaml"))
    try Data([0xFF, 0xFE, 0x00, 0x9B, 0x1B]).write(to: questions.appendingPathComponent("binary.yaml"))
    let binary = try RolefitBinary.run(["content", "lint", folder.path])
    #expect(binary.status == 65)
    #expect(binary.stderr.contains("questions/binary.yaml:1:1: error: not UTF-8 text"), "\(binary.stderr)")
  }

  @Test func aNegativeEvidenceCountStopsEveryCommandWithExit65() throws {
    let folder = try packCopy()
    let manifest = folder.appendingPathComponent("pack.yaml")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    try text.replacingOccurrences(of: #"evidence_count: \d+"#, with: "evidence_count: -1", options: .regularExpression)
      .write(to: manifest, atomically: true, encoding: .utf8)
    for arguments in [["content", "lint", folder.path], ["questions", "--content", folder.path]] {
      let outcome = try RolefitBinary.run(arguments)
      #expect(outcome.status == 65, "\(arguments): \(outcome.stderr)")
      #expect(
        outcome.stdout.contains("'evidence_count' must be between 0 and 1000")
          || outcome.stderr.contains("'evidence_count' must be between 0 and 1000"))
    }
  }

  @Test func anImpossibleDateForPurgeIsAUsageError() throws {
    let outcome = try RolefitBinary.run(["sessions", "purge", "--before", "2026-02-30", "--yes"])
    #expect(outcome.status == 64, "\(outcome.stderr)")
  }
}

/// Under a pseudo-terminal, with colour on: the REPL shows a posting's escape sequences as
/// visible characters and sends none of them.
@Suite(.serialized) struct HostileInputTerminalTests {
  @Test func aPostingsEscapeSequencesNeverReachTheTerminal() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("evil.txt")
    try
      "Senior Program Manager \u{1B}]0;PWNED\u{07}\nManage the project schedule \u{1B}]52;c;aGk=\u{07} and the sprint backlog \u{1B}[2J.\n"
      .write(to: file, atomically: true, encoding: .utf8)
    var environment = RolefitBinary.environment()
    environment.removeValue(forKey: "NO_COLOR")
    environment["TERM"] = "xterm"
    let terminal = try PseudoTerminal(environment: environment)
    #expect(terminal.waitFor("rolefit> "))
    let before = terminal.mark
    terminal.type("jd \(file.path)\r")
    #expect(terminal.waitFor("rolefit> ", after: before), "\(terminal.screen)")
    let shown = String(decoding: terminal.screen.utf8.dropFirst(before), as: UTF8.self)
    #expect(shown.contains("\u{241B}]0;PWNED"), "the sequence is shown, made visible")
    #expect(!shown.contains("\u{1B}]"), "no OSC (window title, clipboard) reaches the terminal")
    #expect(!shown.contains("\u{1B}[2J"), "no clear-screen reaches the terminal")
    #expect(!shown.contains("\u{07}"))
    terminal.type("\u{4}")
    _ = terminal.waitForExit()
  }
}
