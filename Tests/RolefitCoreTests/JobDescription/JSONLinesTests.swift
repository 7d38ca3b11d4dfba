import Foundation
import Testing

@testable import RolefitCore

/// Reading `jd --jsonl` lines: the fast reader of flat objects agrees with `JSONSerialization`,
/// and everything it does not handle falls back to it.
@Suite struct JSONLinesTests {
  func flat(_ line: String) -> FlatJSONObject? {
    Data(line.utf8).withUnsafeBytes { FlatJSONObject($0) }
  }

  /// What `JSONSerialization` makes of a line: its string fields, and its `id` number as text.
  func foundation(_ line: Data) -> (strings: [String: String], id: String?)? {
    guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return nil }
    return (object.compactMapValues { $0 as? String }, (object["id"] as? NSNumber)?.stringValue)
  }

  static let tricky = [
    #"{"text": "plain", "id": "a1", "title": "Program Manager"}"#,
    #"{"text":"quote \" backslash \\ slash \/ b\b f\f n\n r\r t\t","id":42}"#,
    #"  { "text" : "caf\u00e9 \u00C9 rocket \ud83d\ude80 raw é 🚀 日本" , "id" : -7 , "label" : "other" }  "#,
    #"{"text": "t", "remote": true, "onsite": false, "manager": null, "id": 0}"#,
    #"{"text": "first", "text": "second"}"#,
    #"{}"#,
    #"{"text": ""}"#,
  ]

  @Test func flatObjectsReadAsJSONSerializationReadsThem() throws {
    let eval = try String(
      contentsOf: TestPacks.repository.appendingPathComponent("eval/postings.jsonl"), encoding: .utf8)
    let lines = eval.split(separator: "\n").map(String.init) + Self.tricky
    #expect(lines.count > 60)
    for line in lines {
      let fast = try #require(flat(line), "\(line)")
      let expected = try #require(foundation(Data(line.utf8)))
      #expect(fast.strings == expected.strings, "\(line)")
      #expect(fast.integers["id"] == expected.id, "\(line)")
    }
    // Booleans and null are read and left out.
    let mixed = try #require(flat(#"{"text": "t", "remote": true, "onsite": false, "manager": null, "id": 0}"#))
    #expect(mixed.strings == ["text": "t"])
    #expect(mixed.integers == ["id": "0"])
  }

  @Test func whatItDoesNotHandleIsLeftToJSONSerialization() throws {
    for line in [
      #"{"text": "t", "tags": ["a", "b"]}"#,  // nested
      #"{"text": "t", "meta": {"a": 1}}"#,
      #"{"text": "t", "id": 4.5}"#,  // fraction
      #"{"text": "t", "id": 1e3}"#,  // exponent
      #"{"text": "t", "id": 007}"#,  // leading zeros: not JSON
      #"{"text": "t"} trailing"#,
      #"{"text": "t""#,
      #"{"text": "unterminated}"#,
      "{\"text\": \"a raw\ttab\"}",
      #"{"text": "bad \q escape"}"#,
      #"{"text": "short \u12"}"#,
      #"["text"]"#,
      #"{"text" "t"}"#,
      #"{"text": "t",}"#,
      #"{"text": tru}"#,
      "",
    ] {
      #expect(flat(line) == nil, "\(line)")
    }
    // The batch still reads a nested line, through JSONSerialization.
    let nested = try #require(PostingBatch.fields(of: Data(#"{"text": "t", "id": 4.5, "tags": ["a"]}"#.utf8)))
    #expect(nested.strings["text"] == "t")
    #expect(nested.numbers["id"] == "4.5")
    #expect(PostingBatch.fields(of: Data("not json".utf8)) == nil)
  }

  /// Every byte value at every place of a run longer than one word: found exactly when JSON
  /// must escape it, and where it is.
  @Test func theBytesJSONEscapesAreFoundWhereverTheyAre() {
    for byte in UInt8.min...UInt8.max {
      let special = byte == 0x22 || byte == 0x5C || byte < 0x20
      for place in 0..<19 {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 19)
        bytes[place] = byte
        let found = bytes.withUnsafeBufferPointer { JSONEscaping.firstSpecial(in: $0, from: 0) }
        #expect(found == (special ? place : bytes.count), "byte \(byte) at \(place)")
      }
    }
  }

  @Test func badBytesAndLoneSurrogatesBecomeReplacementCharacters() throws {
    var line = Array(#"{"text": "a"#.utf8)
    line += [0xFF, 0xFE]
    line += Array(#"b \ud800 c"}"#.utf8)
    let object = try #require(line.withUnsafeBytes { FlatJSONObject($0) })
    #expect(object.strings["text"] == "a\u{FFFD}\u{FFFD}b \u{FFFD} c")
  }
}
