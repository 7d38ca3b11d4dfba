/// Every word the job-description rules name, as small integers, with British spellings mapped to the id of their American form.
///
/// Text tokens get their id in one dictionary lookup, and phrases then compare integers instead of
/// strings.
struct Vocabulary: Sendable {
  /// The id of a word no rule names.
  static let unknown: Int32 = -1

  private(set) var ids: [String: Int32] = [:]

  init(phrases: [String], cues: [String], spelling: [String: String]) {
    for phrase in phrases {
      for word in Self.words(of: phrase) where !word.hasSuffix("*") { _ = intern(spelling[word] ?? word) }
    }
    for cue in cues { _ = intern(cue) }
    for (british, american) in spelling { ids[british] = intern(american) }
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
