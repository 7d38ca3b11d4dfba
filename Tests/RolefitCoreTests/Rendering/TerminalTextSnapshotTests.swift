import Foundation
import RolefitCore
import Testing

/// The terminal text of the six personas' results and of the 78 eval postings, plain and with
/// every decoration marked, compared with snapshot files made before the renderers were moved
/// onto the view models: the text must not change when the model it is drawn from does.
///
/// `ROLEFIT_RECORD_SNAPSHOTS=1 swift test --filter TerminalTextSnapshotTests` writes the files
/// anew; review the difference before committing it.
@Suite struct TerminalTextSnapshotTests {
  /// Marks every decoration in the text, so a change of style shows as well as a change of words.
  struct MarkingStyler: TextStyler {
    func bold(_ text: String) -> String { "<b>\(text)</b>" }
    func dim(_ text: String) -> String { "<d>\(text)</d>" }
    func colored(_ text: String, as color: String?) -> String { "<\(color ?? "-")>\(text)</\(color ?? "-")>" }
    func warning(_ text: String) -> String { "<w>\(text)</w>" }
  }

  static let snapshots = TestPacks.repository.appendingPathComponent(
    "Tests/RolefitCoreTests/Rendering/Snapshots")

  /// Compares `text` with a snapshot file, or writes it when asked to record.
  func expectSnapshot(_ text: String, named name: String) throws {
    let url = Self.snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ROLEFIT_RECORD_SNAPSHOTS"] == "1" {
      try OutputFile.write(text, to: url.path)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(lines, wanted).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      text == expected,
      "\(name) differs at line \((first?.offset ?? min(lines.count, wanted.count)) + 1): \(first.map { "got \($0.element.0), wanted \($0.element.1)" } ?? "lengths \(lines.count) and \(wanted.count)")"
    )
  }

  @Test func theSixPersonasResultsReadAsBefore() throws {
    let pack = try TestPacks.bundled
    let folder = TestPacks.repository.appendingPathComponent("eval/personas")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      .sorted()
    #expect(names.count == 6)
    var out = ""
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let report = AssessmentReport(pack: pack, answers: try AnswerFile.parse(text, file: name, pack: pack))
      for (styler, width) in [(PlainStyler() as any TextStyler, 80), (MarkingStyler(), 64)] {
        let renderer = AssessmentRenderer(pack: pack, width: width, styler: styler)
        out += "=== \(name) width \(width)\n"
        out += renderer.summary(report, more: AssessmentRenderer.moreHint(command: "details"))
        out += renderer.details(report)
        out += renderer.render(report, as: .text)
      }
    }
    try expectSnapshot(out, named: "personas.txt")
  }

  @Test func theEvalPostingsReadAsBefore() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let lines = try String(
      contentsOf: TestPacks.repository.appendingPathComponent("eval/postings.jsonl"), encoding: .utf8
    ).split(separator: "\n")
    #expect(lines.count == 78)
    var out = ""
    for (number, line) in lines.enumerated() {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let id = "\(object["id"] ?? "")"
      let analysis = try analyzer.analyze(
        Posting(id: id, text: object["text"] as? String ?? "", title: object["title"] as? String))
      let plain = PostingRenderer(pack: pack, width: 80)
      let marked = PostingRenderer(pack: pack, width: 64, styler: MarkingStyler(), colorHighlights: true)
      out += "=== \(id)\n" + plain.text(analysis)
      // The posting in colour for a few (the text with markers is in the plain form of all).
      out += marked.text(analysis, showText: number < 8, showRecommendations: true, showEvidence: true)
      out += plain.text(analysis, showText: false, showRecommendations: false, showEvidence: true)
      out += marked.text(analysis, showText: false, allEvidenceHint: "details lists them.")
    }
    try expectSnapshot(out, named: "postings.txt")
  }
}
