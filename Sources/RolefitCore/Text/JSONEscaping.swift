/// Finds the bytes a JSON string cannot hold as they are (`"`, `\` and controls), eight at a time.
///
/// Posting texts are long and rarely hold any, so reading `jd --jsonl` input and writing its
/// output mostly copies runs of bytes this finds the end of.
enum JSONEscaping {
  /// The index of the first `"`, `\` or byte under 0x20 in `bytes` from `start`, or `bytes.count`.
  static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        if hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { break }
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
      index += 1
    }
    return bytes.count
  }

  /// Whether any of the eight bytes is `"`, `\` or under 0x20 (the classic zero-byte and
  /// less-than tests on a word; exact about whether there is one, not where).
  @inline(__always)
  static func hasSpecial(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quotes = (quote &- ones) & ~quote
    let backslashes = (backslash &- ones) & ~backslash
    let controls = (word &- ones &* 0x20) & ~word
    return (quotes | backslashes | controls) & highs != 0
  }
}
