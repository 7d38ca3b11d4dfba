import Foundation
import RolefitCore
import Testing

/// `jd --jsonl` reads lines bounded by the limit, not by the input.
@Suite struct LineChunkReaderTests {
  private func reader(for text: Data, limit: Int) throws -> LineChunkReader {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-lines-\(UUID().uuidString)")
    try text.write(to: file)
    return LineChunkReader(handle: try FileHandle(forReadingFrom: file), maxLineBytes: limit)
  }

  @Test func aLineOverTheLimitComesBackEmptyAndTheNextLineIsRead() throws {
    var input = Data("{\"text\": \"short\"}\n".utf8)
    input.append(Data(repeating: 0x61, count: 3 << 20))
    input.append(Data("\n{\"text\": \"after\"}\n".utf8))
    let lines = try reader(for: input, limit: 1 << 10).nextLines(10)
    #expect(lines.map(\.number) == [1, 2, 3])
    #expect(lines.map(\.data.count) == [17, 0, 17])
  }

  @Test func anEndlessLineWithoutNewlineIsDroppedAsItIsRead() throws {
    let input = Data(repeating: 0x7B, count: 5 << 20)
    let lines = try reader(for: input, limit: 1 << 10).nextLines(10)
    #expect(lines.count == 1 && lines.first?.data.isEmpty == true)
  }

  @Test func aBatchStopsAtItsByteBudget() throws {
    let line = String(repeating: "x", count: 1000) + "\n"
    let lines = try reader(for: Data(String(repeating: line, count: 50).utf8), limit: 1 << 20).nextLines(
      512, budget: 10_000)
    #expect(lines.count == 10)
  }

  @Test func anOverlongLineIsReportedNamingItsPlace() throws {
    let analyzer = try JobDescriptionAnalyzer(pack: try TestPacks.bundled)
    let outcomes = PostingBatch(analyzer: analyzer, maxBytes: 1024).process(
      lines: [(number: 7, data: Data())], source: "in.jsonl"
    ) { _ in [] }
    guard case .failed(let id, let message) = outcomes.first else {
      Issue.record("expected a failure")
      return
    }
    #expect(id == "in.jsonl:7")
    #expect(message == "in.jsonl:7: the line is longer than 2 KiB (twice --max-size); line skipped")
  }
}
