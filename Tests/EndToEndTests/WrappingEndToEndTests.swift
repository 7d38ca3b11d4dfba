import Foundation
import RolefitCore
import Testing

/// Every screen fits the terminal: lines wrap at word boundaries, colour codes take no columns.
@Suite(.serialized) struct WrappingEndToEndTests {
  let pack: ContentPack

  init() throws { pack = try RolefitBinary.bundledPack() }

  /// The screen's lines as the eye sees them: escape sequences and carriage returns removed.
  func visibleLines(_ screen: String) -> [String] {
    TextWrap.visible(screen.replacingOccurrences(of: "\r", with: "")).split(separator: "\n").map(String.init)
  }

  @Test(arguments: [60, 80, 120])
  func everyScreenFitsTheTerminal(columns: Int) throws {
    var environment = RolefitBinary.environment()
    environment.removeValue(forKey: "NO_COLOR")  // colour on: its codes must not count as columns
    // A short path: a file name is one word, and a word longer than the line cannot wrap.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rf\(UInt16.random(in: 0...9999))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let posting = folder.appendingPathComponent("p.txt")
    try """
    Senior Program Manager
    Manage the project schedule, scope and budget from kickoff to go-live, and send weekly status reports to \
    the steering committee and every department head whose teams depend on the release train.
    Coordinate the interdependencies between the related projects of the platform and report the benefits \
    realised to the executive team every quarter.
    """.write(to: posting, atomically: true, encoding: .utf8)
    let terminal = try PseudoTerminal(environment: environment, columns: UInt16(columns))
    func step(_ line: String, until text: String) {
      let mark = terminal.mark
      terminal.type(line + "\r")
      #expect(terminal.waitFor(text, after: mark), "\(line) at \(columns) columns")
    }
    #expect(terminal.waitFor("rolefit> "))
    step("help", until: "rolefit> ")
    step("cert pgmp", until: "rolefit> ")
    step("role program-manager", until: "rolefit> ")
    step("asess", until: "rolefit> ")
    step("jd \(posting.path)", until: "rolefit> ")
    step("clarify", until: "clarify> ")
    for (index, question) in pack.clarify.enumerated() {
      step(question.options[0].id, until: index + 1 < pack.clarify.count ? "[\(index + 2)/" : "rolefit> ")
    }
    step("assess", until: "name> ")
    step("Ana", until: "[1/")
    let questions = AssessmentRun(pack: pack).questions
    for (index, question) in questions.enumerated() {
      let answer = question.kind == .number ? "24" : question.optionIDs[index % question.optionIDs.count]
      step(answer, until: index + 1 < questions.count ? "[\(index + 2)/" : "details shows the rest")
    }
    step("details", until: "Learning path")
    // Ctrl-D only once the prompt is back: typed while the screen is still printing, before
    // readline reads keys one by one, the terminal may swallow it (seen on a loaded machine).
    let screen = terminal.screen
    let shown = screen.range(of: "Learning path", options: .backwards).map {
      screen.utf8.distance(from: screen.startIndex, to: $0.upperBound)
    }
    #expect(terminal.waitFor("rolefit> ", after: shown ?? terminal.mark))
    terminal.type("\u{4}")
    #expect(terminal.waitForExit() == 0)
    let width = min(columns, 100)
    for line in visibleLines(terminal.screen) {
      #expect(line.count <= columns, "\(line.count) columns at \(columns): \(line)")
      #expect(line.count <= width || line.hasPrefix("[") || line.hasPrefix("rolefit>"), "past \(width): \(line)")
    }
  }
}
