import Foundation

/// Every word the job-description rules name, as small integers, with British spellings mapped to the id of their American form.
///
/// Text tokens get their id in one dictionary lookup, and phrases then compare integers instead of
/// strings.
struct Vocabulary: Sendable {
  /// The id of a word no rule names.
  static let unknown: Int32 = -1

  private(set) var ids: [String: Int32] = [:]
  /// The same words as UTF-8, in an open-addressing table, so text can be looked up from bytes.
  private var keys: [[UInt8]] = []
  private var values: [Int32] = []
  private var slots: [Int32] = []

  init(phrases: [String], cues: [String], spelling: [String: String]) {
    for phrase in phrases {
      for word in Self.words(of: phrase) where !word.hasSuffix("*") { _ = intern(spelling[word] ?? word) }
    }
    for cue in cues { _ = intern(cue) }
    for (british, american) in spelling { ids[british] = intern(american) }
    var size = 64
    while size < ids.count * 4 { size *= 2 }
    slots = Array(repeating: -1, count: size)
    for (word, id) in ids {
      let key = Array(word.utf8)
      var slot = Int(Self.hash(key) & UInt64(size - 1))
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(keys.count)
      keys.append(key)
      values.append(id)
    }
  }

  /// FNV-1a over bytes.
  static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    return hash
  }

  /// The id of a lower-cased word given as UTF-8, or `unknown`.
  func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
    let mask = slots.count - 1
    var slot = Int(Self.hash(word) & UInt64(mask))
    while true {
      let entry = slots[slot]
      if entry < 0 { return Self.unknown }
      let key = keys[Int(entry)]
      if key.count == word.count,
        key.withUnsafeBufferPointer({ keyBytes in
          guard let left = keyBytes.baseAddress, let right = word.baseAddress else { return word.isEmpty }
          return memcmp(left, right, word.count) == 0
        })
      {
        return values[Int(entry)]
      }
      slot = (slot + 1) & mask
    }
  }

  var count: Int { ids.count }

  private mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    let id = Int32(ids.count)
    ids[word] = id
    return id
  }

  /// The id of a lower-cased word, or `unknown`.
  func id(of word: String) -> Int32 { ids[word] ?? Self.unknown }

  /// A phrase's words, lower-cased, split like text (a trailing `*` kept for prefixes).
  static func words(of phrase: String) -> [String] {
    phrase.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "*") }).map(String.init)
  }
}
