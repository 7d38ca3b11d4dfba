import Foundation
import RolefitCore
import Testing

/// `--out` and `save` write only where the user said, keep modes, and never replace a link or a device.
@Suite struct OutputFileTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  private func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  @Test func aNewFileIsCreatedAndAnOldOneKeepsItsMode() throws {
    try OutputFile.write("one", to: path("new.json"))
    #expect(try String(contentsOfFile: path("new.json"), encoding: .utf8) == "one")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path("new.json"))
    try OutputFile.write("two", to: path("new.json"))
    #expect(try String(contentsOfFile: path("new.json"), encoding: .utf8) == "two")
    #expect(try mode(path("new.json")) == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["new.json"], "no temporary file is left behind")
  }

  @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
    try "old".write(toFile: path("target.md"), atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: path("link.md"), withDestinationPath: "target.md")
    try OutputFile.write("new", to: path("link.md"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.md")) == "target.md")
    #expect(try String(contentsOfFile: path("target.md"), encoding: .utf8) == "new")
  }

  @Test func aDanglingLinkAndAFolderAreRefused() throws {
    try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: "nowhere")
    #expect(throws: OutputFile.Failure.self) { try OutputFile.write("x", to: path("dangling")) }
    #expect(!FileManager.default.fileExists(atPath: path("nowhere")))
    #expect(throws: OutputFile.Failure.cannotCreate(path: folder.path, reason: "it is a folder; give a file name")) {
      try OutputFile.write("x", to: folder.path)
    }
  }

  @Test func aFIFOIsWrittenThroughNotReplaced() async throws {
    let fifo = path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let reading = Task.detached { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() }
    try OutputFile.write("through the pipe", to: fifo)
    #expect(await reading.value == Data("through the pipe".utf8))
    let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
    #expect(type != .typeRegular)
  }

  @Test func aFullDeviceIsAnIOErrorAndIsNotReplaced() throws {
    #expect(throws: OutputFile.Failure.ioError(path: "/dev/full", reason: "No space left on device")) {
      try OutputFile.write("x", to: "/dev/full")
    }
    let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
    #expect(type == .typeCharacterSpecial)
  }

  @Test func textIsMadeSafeAndJSONLeftAsItIs() throws {
    try OutputFile.write("a\u{1B}[2Jb", to: path("report.md"), json: false)
    #expect(try String(contentsOfFile: path("report.md"), encoding: .utf8) == "a\u{241B}[2Jb")
    try OutputFile.write("{\"a\": \"\u{7F}\"}", to: path("report.json"), json: true)
    #expect(try String(contentsOfFile: path("report.json"), encoding: .utf8) == "{\"a\": \"\u{7F}\"}")
  }
}
