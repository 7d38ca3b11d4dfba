import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitTerminal
import Testing

/// `narrative` in the session: pasted summaries, a bracketed paste, saving, bad input.
@Suite struct SessionNarrativeTests {
  let pack: ContentPack

  init() throws {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    pack = try #require(try ContentLoader.load(files).pack)
  }

  func transcript(_ lines: [String]) -> String {
    let console = Console(capturingWithWidth: 100)
    let session = Session(
      pack: pack, console: console, reader: ScriptedLineReader(lines: lines, interactive: true), clock: { 0 })
    session.run()
    return console.output
  }

  let summaries = [
    "# Billing",
    "I led the strategic program to deliver the new billing system. I managed the schedule and budget of the release and delivered the system on time and within budget.",
    "",
    "# IT",
    "I managed a program in the IT department for three years.",
  ]

  @Test func pastedSummariesAreReadUntilTheDotLine() {
    let output = transcript(["narrative"] + summaries + [".", "quit"])
    #expect(output.contains("Summary 1: Billing · reads as project work"))
    #expect(output.contains("Summary 2: IT · not enough of either"))
    #expect(output.contains("narrative save FILE keeps this"))
  }

  @Test func aBracketedPasteArrivesAsOneBufferAndItsDotLineEndsIt() {
    let output = transcript(["narr", (summaries + ["."]).joined(separator: "\n"), "quit"])
    #expect(output.contains("Summary 2: IT"))
  }

  @Test func saveWritesTheLastReadingAndNothingIsWrittenOtherwise() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-narrative-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("me.json").path
    let before = transcript(["narrative save \(path)", "quit"])
    #expect(before.contains("No summaries read yet."))
    #expect(!FileManager.default.fileExists(atPath: path))
    let output = transcript(["narrative"] + summaries + [".", "narrative save \(path)", "quit"])
    #expect(output.contains("Saved to \(path)."))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    #expect(
      (object["summaries"] as? [[String: Any]])?.compactMap { $0["reading"] as? String } == ["project", "unclear"])
  }

  @Test func anEmptyPasteIsRefusedWithOneLine() {
    let output = transcript(["narrative", "", ".", "quit"])
    #expect(output.contains("pasted summaries: no experience summary in it"))
  }
}
