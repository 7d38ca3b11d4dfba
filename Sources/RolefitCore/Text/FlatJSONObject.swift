/// A JSON object whose values are all strings, integers, booleans or null, read from UTF-8 in one pass.
///
/// This is the shape of every line of an applicant-tracking export, and `JSONSerialization`
/// spent a tenth of `jd --jsonl`'s time building dictionaries of Foundation objects for it.
/// Anything this reader does not handle (a nested value, a number with a fraction or an
/// exponent, a malformed line) gives `nil`, and the caller falls back to `JSONSerialization`,
/// which also words the error.
struct FlatJSONObject {
  /// A value: only strings and integers are kept, as text; `true`, `false` and `null` are read and left out.
  private(set) var strings: [String: String] = [:]
  private(set) var integers: [String: String] = [:]

  /// Reads one object; `nil` when the bytes are anything else or anything more.
  init?(_ bytes: UnsafeRawBufferPointer) {
    var reader = Reader(bytes: bytes.bindMemory(to: UInt8.self))
    guard reader.object(into: &self), reader.atEnd else { return nil }
  }

  /// The reader's position in the bytes.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool {
      mutating get {
        skipSpace()
        return index == bytes.count
      }
    }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    /// Consumes `byte` after any space; `false` (consuming nothing more) when it is not next.
    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func object(into object: inout FlatJSONObject) -> Bool {
      guard take(0x7B) else { return false }  // {
      if take(0x7D) { return true }  // }
      repeat {
        guard take(0x22), let key = string() else { return false }
        guard take(0x3A) else { return false }  // :
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case 0x22:
          index += 1
          guard let value = string() else { return false }
          object.strings[key] = value
          object.integers[key] = nil
        case 0x2D, 0x30...0x39:
          guard let value = integer() else { return false }
          object.integers[key] = value
          object.strings[key] = nil
        default:
          guard literal("true") || literal("false") || literal("null") else { return false }
          object.strings[key] = nil
          object.integers[key] = nil
        }
      } while take(0x2C)  // ,
      return take(0x7D)
    }

    /// An integer as JSON writes it (no leading zeros), kept as its text.
    mutating func integer() -> String? {
      let start = index
      if bytes[index] == 0x2D { index += 1 }
      let digits = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > digits, !(bytes[digits] == 0x30 && index - digits > 1) else { return nil }
      // A fraction or an exponent: left to JSONSerialization.
      if index < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[index]) { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count,
        word.withUTF8Buffer({ $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)])) })
      else { return false }
      index += count
      return true
    }

    /// The rest of a string whose opening quote was read.
    ///
    /// `nil` on a bad escape, a control character or no closing quote. Bytes that are not
    /// UTF-8 become U+FFFD.
    mutating func string() -> String? {
      var text: [UInt8] = []
      var runStart = index
      while true {
        // Runs of plain bytes are copied whole; a text's lines are joined by `\n` escapes.
        index = JSONEscaping.firstSpecial(in: bytes, from: index)
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte == 0x22 {
          defer { index += 1 }
          let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
          if text.isEmpty { return String(decoding: run, as: UTF8.self) }
          text.append(contentsOf: run)
          return String(decoding: text, as: UTF8.self)
        }
        guard byte == 0x5C, index + 1 < bytes.count else { return nil }
        if text.isEmpty { text.reserveCapacity(bytes.count - runStart) }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        let escape = bytes[index + 1]
        index += 2
        switch escape {
        case 0x22, 0x5C, 0x2F: text.append(escape)
        case 0x62: text.append(0x08)  // b
        case 0x66: text.append(0x0C)  // f
        case 0x6E: text.append(0x0A)  // n
        case 0x72: text.append(0x0D)  // r
        case 0x74: text.append(0x09)  // t
        case 0x75:  // u
          guard let scalar = unicodeEscape() else { return nil }
          text += String(scalar).utf8
        default: return nil
        }
        runStart = index
      }
    }

    /// The scalar of a `\u` escape and its four hex digits (read after the `u`), joining a
    /// surrogate pair; a lone surrogate is U+FFFD.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
        let save = index
        index += 2
        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
          return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        index = save
      }
      return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt8
        switch byte {
        case 0x30...0x39: digit = byte - 0x30
        case 0x41...0x46: digit = byte - 0x41 + 10
        case 0x61...0x66: digit = byte - 0x61 + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
        index += 1
      }
      return value
    }
  }
}
