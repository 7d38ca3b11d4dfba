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

  /// Whether this process may mount a small file system of its own: as root in a mount
  /// namespace (`unshare -m`), or as anyone where user namespaces are allowed (`unshare -rm`).
  static let privateMount: [String]? = {
    for command in [["-m"], ["-r", "-m"]] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
      process.arguments = command + ["sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\""]
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { return nil }
      process.waitUntilExit()
      if process.terminationStatus == 0 { return command }
    }
    return nil
  }()

  /// `jd --save` on a disk that fills up: exit 74 with one line naming the posting and the
  /// database, the analysis still shown, what was saved before kept and listed.
  @Test(.enabled(if: privateMount != nil, "needs a private mount (unshare) for a small full disk"))
  func savingOnAFullDiskExits74AndKeepsWhatWasSaved() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let small = folder.appendingPathComponent("small.txt")
    try "Project Manager\nManage the schedule and budget of one project.\n".write(
      to: small, atomically: true, encoding: .utf8)
    let large = folder.appendingPathComponent("large.txt")
    let duties = "Own the program roadmap across multiple projects and run program governance.\n"
    try ("Program Manager\n" + String(repeating: duties, count: 4_000)).write(
      to: large, atomically: true, encoding: .utf8)
    let binary = try RolefitBinary.url.path
    // In a 2 MiB file system: save one posting, fill the disk to 48 KiB, save a larger one.
    let script = """
      set -u
      disk=$(mktemp -d) && mount -t tmpfs -o size=2m tmpfs "$disk" || exit 90
      export ROLEFIT_DB="$disk/rolefit.sqlite"
      "$1" jd "$2" --save >/dev/null || exit 91
      free=$(df -k --output=avail "$disk" | tail -1)
      dd if=/dev/zero of="$disk/filler" bs=4k count=$(( free / 4 - 12 )) 2>/dev/null
      "$1" jd "$3" --save --max-size 2048 >"$4/out" 2>"$4/err"
      echo "status $?" >"$4/status"
      "$1" sessions list >"$4/full-list" 2>&1
      rm "$disk/filler"
      "$1" sessions list >"$4/list" 2>&1
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments =
      try #require(Self.privateMount) + ["sh", "-c", script, "sh", binary, small.path, large.path, folder.path]
    process.environment = RolefitBinary.environment()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    func read(_ name: String) -> String {
      (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
    #expect(read("status") == "status 74\n")
    let error = read("err")
    #expect(error.hasPrefix("rolefit: \(large.path) was not saved: ") && error.contains("rolefit.sqlite"))
    #expect(error.split(separator: "\n").count == 1)
    #expect(read("out").contains("\(large.path): program manager"))
    for listing in [read("full-list"), read("list")] {
      #expect(listing.contains("Project Manager: Project manager") && !listing.contains("Program Manager:"))
    }
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
