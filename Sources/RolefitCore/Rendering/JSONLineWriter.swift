/// Writes compact JSON straight into a string, for JSONL output in batches.
///
/// Foundation's `JSONEncoder` took 40% of `jd --jsonl`'s time on this machine; this writer
/// produces the same documents (keys in the order given) several times faster. Pretty,
/// human-facing JSON still goes through `JSONEncoder` (`JSONOutput`).
struct JSONLineWriter {
  /// The document so far, as UTF-8.
  private(set) var bytes: [UInt8] = []
  /// Whether the next value at each depth needs a comma first: bit `d` for depth `d`.
  private var needsComma: UInt64 = 0
  private var depth = 0

  init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  /// The document written so far, as a line: its UTF-8 and a newline.
  mutating func line() -> [UInt8] {
    bytes.append(0x0A)
    return bytes
  }

  private mutating func raw(_ ascii: StaticString) {
    ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Starts a value: a comma first unless it is the first in its object or array.
  mutating func separate() {
    let bit: UInt64 = 1 << depth
    if needsComma & bit != 0 { bytes.append(0x2C) }
    needsComma |= bit
  }

  private mutating func open(_ bracket: UInt8) {
    precondition(depth < 63, "JSON nested too deep for the line writer")
    bytes.append(bracket)
    depth += 1
    needsComma &= ~(1 << depth)
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    bytes.append(bracket)
  }

  /// Bytes written as they are: a piece of JSON made by another writer.
  mutating func append(raw: [UInt8]) { bytes += raw }

  /// The same from memory another owner keeps alive.
  mutating func append(raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }

  /// An integer written as it is, with no key or comma (after a piece that ends with a key).
  mutating func append(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  /// A string literal written as it is, with no key or comma.
  mutating func append(_ value: String) { string(value) }

  mutating func key(_ name: String?) {
    separate()
    if let name {
      string(name)
      bytes.append(0x3A)
    }
  }

  mutating func beginObject(_ name: String? = nil) {
    key(name)
    open(0x7B)
  }

  mutating func endObject() { close(0x7D) }

  mutating func beginArray(_ name: String? = nil) {
    key(name)
    open(0x5B)
  }

  mutating func endArray() { close(0x5D) }

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
    append(value)
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
