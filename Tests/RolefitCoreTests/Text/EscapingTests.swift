import Foundation
import RolefitCore
import Testing

/// Text from postings, titles and names cannot act on a terminal, a Markdown viewer or a spreadsheet.
@Suite struct EscapingTests {
  static let payloads = [
    "\u{1B}]0;PWNED\u{07}", "\u{1B}]52;c;aGVsbG8=\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{9D}0;x\u{9C}", "a\u{7F}b",
    "\u{0}\u{8}\u{1A}",
  ]

  @Test(arguments: payloads)
  func controlCharactersAreMadeVisible(payload: String) {
    let shown = ControlCharacters.visible("before \(payload) after")
    #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(shown.hasPrefix("before ") && shown.hasSuffix(" after"))
  }

  @Test func newlinesAndTabsStayAndWindowsLineEndsLoseTheirCarriageReturn() {
    #expect(ControlCharacters.visible("a\tb\nc\r\nd") == "a\tb\nc\nd")
    #expect(ControlCharacters.visible("a\rb") == "a\u{240D}b")
    #expect(ControlCharacters.visible("\u{1B}[2J") == "\u{241B}[2J")
  }

  @Test func onlyRolefitsOwnStylesSurviveInColour() {
    #expect(ControlCharacters.visible("\u{1B}[1mbold\u{1B}[0m", keepingStyles: true) == "\u{1B}[1mbold\u{1B}[0m")
    #expect(ControlCharacters.visible("\u{1B}[33;1mx\u{1B}[0m", keepingStyles: true) == "\u{1B}[33;1mx\u{1B}[0m")
    #expect(ControlCharacters.visible("\u{1B}[8mhidden", keepingStyles: true) == "\u{241B}[8mhidden")
    #expect(ControlCharacters.visible("\u{1B}[2J", keepingStyles: true) == "\u{241B}[2J")
    #expect(ControlCharacters.visible("\u{1B}]0;t\u{07}", keepingStyles: true) == "\u{241B}]0;t\u{2407}")
  }

  @Test func markdownLinksHTMLTablesAndHeadingsAreInert() {
    #expect(MarkdownText.inline("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)")
    #expect(MarkdownText.inline("<img src=x onerror=alert(1)>") == "\\<img src\\=x onerror\\=alert\\(1\\)\\>")
    #expect(MarkdownText.inline("a | b") == "a \\| b")
    #expect(MarkdownText.inline("Lead\n# Owned") == "Lead \\# Owned")
  }

  @Test func postingMarkdownEscapesTheIdTitleAndPhrases() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let analysis = try analyzer.analyze(
      Posting(
        id: "[x](javascript:alert(1))", text: "Manage the project schedule and the sprint backlog.",
        title: "Senior Program Manager \u{1B}]0;x\u{07}\n# Injected <img src=x onerror=alert(1)> | cell"))
    let markdown = PostingRenderer(pack: pack).markdown(analysis)
    #expect(!markdown.contains("](javascript:"))
    #expect(!markdown.contains(" <img") && markdown.contains("\\<img"))
    #expect(!markdown.contains("\n# Injected"))
    #expect(markdown.contains("\\| cell"))
    #expect(!markdown.unicodeScalars.contains("\u{1B}"), "a recommendation quoting the title is escaped too")
  }

  @Test func csvQuotesCarriageReturnsAndDisarmsFormulas() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let text = "Manage the project schedule and the sprint backlog."
    let crlf = PostingRenderer(pack: pack).csvRow(
      try analyzer.analyze(Posting(id: "a\r\nb", text: text, title: nil)))
    #expect(crlf.hasPrefix("\"a\nb\","), "the CR is dropped and the field quoted: \(crlf.debugDescription)")
    for formula in ["=HYPERLINK(\"http://x\")", "+1", "-1+1", "@SUM(A1)"] {
      let row = PostingRenderer(pack: pack).csvRow(try analyzer.analyze(Posting(id: formula, text: text, title: nil)))
      let first = row.first == "\"" ? row.dropFirst() : row[...]
      #expect(first.hasPrefix("'"), "\(row)")
    }
  }
}
