import Foundation
import FuzzSupport
import RolefitCore

let analyzer: JobDescriptionAnalyzer = {
  guard let analyzer = try? JobDescriptionAnalyzer(pack: FuzzPacks.bundled) else { fatalError("no analyzer") }
  return analyzer
}()
let renderer = PostingRenderer(pack: FuzzPacks.bundled)
let html = PostingHTML(pack: FuzzPacks.bundled)

/// The posting scanner and phrase matcher: any bytes as a posting (the first line doubles as a
/// title), rendered in every text format, none of which may carry a control character; the HTML
/// page shows the posting as text, and the fast JSON line decodes as the posting's document.
func fuzzPosting(_ data: UnsafeRawBufferPointer) -> Int32 {
  let text = FuzzPacks.text(data)
  let title = text.split(separator: "\n", maxSplits: 1).first.map(String.init)
  guard let analysis = try? analyzer.analyze(Posting(id: title ?? "p", text: text, title: title)) else { return 0 }
  FuzzPacks.requireNoControls(ControlCharacters.visible(renderer.text(analysis)), "the text rendering")
  FuzzPacks.requireNoControls(renderer.markdown(analysis), "the Markdown rendering")
  FuzzPacks.requireNoControls(renderer.csvRow(analysis), "the CSV row")
  let page = html.render(analysis)
  FuzzPacks.requireNoControls(page, "the HTML page")
  precondition(!page.contains("<script") && !page.contains("<img"), "markup from the posting in the HTML page")
  let line = Data(renderer.jsonLine(analysis))
  guard let decoded = try? PostingDocument.decode(line), decoded == PostingDocument(analysis) else {
    fatalError("the JSON line does not decode as the posting's document")
  }
  for item in analysis.evidence {
    precondition(item.start <= item.end && item.end <= text.unicodeScalars.count, "evidence outside the text")
  }
  return 0
}

runFuzzer(fuzzPosting)
