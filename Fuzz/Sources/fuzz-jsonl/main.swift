import Foundation
import FuzzSupport
import RolefitCore

let batch: PostingBatch = {
  guard let analyzer = try? JobDescriptionAnalyzer(pack: FuzzPacks.bundled) else { fatalError("no analyzer") }
  return PostingBatch(analyzer: analyzer, maxBytes: 64 << 10)
}()
let renderer = PostingRenderer(pack: FuzzPacks.bundled)

/// The JSON-lines reader: every line is parsed (the flat fast path, else JSONSerialization),
/// analysed and rendered as a JSON line, which must parse back.
func fuzzJSONLines(_ data: UnsafeRawBufferPointer) -> Int32 {
  let bytes = data
  var lines: [(number: Int, data: Data)] = []
  for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
    lines.append((index + 1, Data(line)))
  }
  for outcome in batch.process(lines: lines, source: "fuzz.jsonl", render: { renderer.jsonLine($0) }) {
    if case .analysed(_, let rendered, _) = outcome,
      (try? JSONSerialization.jsonObject(with: Data(rendered))) == nil
    {
      fatalError("a result line is not JSON: \(String(decoding: rendered, as: UTF8.self))")
    }
  }
  return 0
}

runFuzzer(fuzzJSONLines)
