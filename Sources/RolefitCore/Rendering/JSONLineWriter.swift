/// Writes compact JSON straight into a string, for JSONL output in batches.
///
/// Foundation's `JSONEncoder` took 40% of `jd --jsonl`'s time on this machine; this writer
/// produces the same documents (keys in the order given) several times faster. Pretty,
/// human-facing JSON still goes through `JSONEncoder` (`JSONOutput`).
struct JSONLineWriter {
  /// The document so far, as UTF-8.
  private var bytes: [UInt8] = []
  private var needsComma = [false]

  init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  /// The document written so far, as a line: its UTF-8 and a newline.
  mutating func line() -> [UInt8] {
    bytes.append(0x0A)
    return bytes
  }

  private mutating func raw(_ ascii: StaticString) {
    ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func key(_ name: String?) {
    separate()
    if let name {
      string(name)
      bytes.append(0x3A)
    }
  }

  mutating func beginObject(_ name: String? = nil) {
    key(name)
    bytes.append(0x7B)
    needsComma.append(false)
  }

  mutating func endObject() {
    needsComma.removeLast()
    bytes.append(0x7D)
  }

  mutating func beginArray(_ name: String? = nil) {
    key(name)
    bytes.append(0x5B)
    needsComma.append(false)
  }

  mutating func endArray() {
    needsComma.removeLast()
    bytes.append(0x5D)
  }

  mutating func field(_ name: String?, _ value: String?) {
    key(name)
    if let value { string(value) } else { raw("null") }
  }

  mutating func field(_ name: String?, _ value: Double) {
    key(name)
    let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    bytes.append(contentsOf: number.utf8)
  }

  mutating func field(_ name: String?, _ value: Int) {
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func field(_ name: String?, _ value: Bool) {
    key(name)
    if value { raw("true") } else { raw("false") }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// A JSON string literal with the escapes RFC 8259 requires (UTF-8 passes through).
  private mutating func string(_ value: String) {
    bytes.append(0x22)
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      while true {
        // Runs that need no escape are copied whole.
        let special = JSONEscaping.firstSpecial(in: utf8, from: start)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<special]))
        guard special < utf8.count else { break }
        switch utf8[special] {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case let byte:
          raw("\\u00")
          bytes.append(Self.hex[Int(byte >> 4)])
          bytes.append(Self.hex[Int(byte & 0x0F)])
        }
        start = special + 1
      }
    }
    bytes.append(0x22)
  }
}
