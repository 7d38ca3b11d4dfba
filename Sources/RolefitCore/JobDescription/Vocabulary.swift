import Foundation

/// Every word the job-description rules name, as small integers, with British spellings mapped to the id of their American form.
///
/// Text tokens get their id in one dictionary lookup, and phrases then compare integers instead of
/// strings.
struct Vocabulary: Sendable {
  /// The id of a word no rule names.
  static let unknown: Int32 = -1

  private(set) var ids: [String: Int32] = [:]
  /// The same words as UTF-8, in an open-addressing table, so text can be looked up from bytes:
  /// each slot holds an entry or -1; entry `e`'s word is `keyBytes[keyStarts[e]..<keyStarts[e + 1]]`.
  private var keyBytes: [UInt8] = []
  private var keyStarts: [Int32] = [0]
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
      var hash = FNV1a()
      hash.combine(word)
      var slot = Int(hash.value & UInt64(size - 1))
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(values.count)
      keyBytes += word.utf8
      keyStarts.append(Int32(keyBytes.count))
      values.append(id)
    }
  }

  /// The table seen through pointers, for the scanner's one lookup per word.
  struct Lookup {
    let keyBytes: UnsafeBufferPointer<UInt8>
    let keyStarts: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Int32>
    let slots: UnsafeBufferPointer<Int32>

    /// The id of a lower-cased word given as UTF-8 with its `FNV1a` hash, or `unknown`.
    func id(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
      id(count: word.count, hash: hash) { key in
        guard let bytes = word.baseAddress else { return true }
        return memcmp(key, bytes, word.count) == 0
      }
    }

    /// The same for a word of ASCII letters and digits in any case, hashed in lower case.
    func id(ofASCII word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
      id(count: word.count, hash: hash) { key in
        for offset in word.indices where key[offset] != word[offset] | 0x20 { return false }
        return true
      }
    }

    /// The id of the entry with this hash and length whose key `equals` accepts.
    @inline(__always)
    private func id(count: Int, hash: UInt64, equals: (UnsafePointer<UInt8>) -> Bool) -> Int32 {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = Int(slots[slot])
        if entry < 0 { return Vocabulary.unknown }
        let start = Int(keyStarts[entry])
        if Int(keyStarts[entry + 1]) - start == count, let key = keyBytes.baseAddress, equals(key + start) {
          return values[entry]
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Runs `body` with the table seen through pointers.
  func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
    keyBytes.withUnsafeBufferPointer { keyBytes in
      keyStarts.withUnsafeBufferPointer { keyStarts in
        values.withUnsafeBufferPointer { values in
          slots.withUnsafeBufferPointer { slots in
            body(Lookup(keyBytes: keyBytes, keyStarts: keyStarts, values: values, slots: slots))
          }
        }
      }
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

  /// A flag per id: whether it is one of these words ("not", "none"), for a test per token.
  func flags(_ words: [String]) -> [Bool] {
    var flags = [Bool](repeating: false, count: count)
    for word in words where id(of: word) >= 0 { flags[Int(id(of: word))] = true }
    return flags
  }

  /// A phrase's words, lower-cased, split like text (a trailing `*` kept for prefixes).
  static func words(of phrase: String) -> [String] {
    phrase.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "*") }).map(String.init)
  }
}
