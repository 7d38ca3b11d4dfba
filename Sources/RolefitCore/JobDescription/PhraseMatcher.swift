/// Finds lexicon phrases in token sequences: longest match first, each token counted once.
///
/// A phrase is words separated by spaces, tokenized like the text; a word ending in `*` matches
/// any word it begins.
struct PhraseMatcher<Payload: Sendable>: Sendable {
  /// One word of a pattern: a vocabulary id, or a prefix written with a trailing `*`.
  enum Word: Sendable {
    case exact(Int32)
    case prefix(String)
  }

  struct Pattern: Sendable {
    var words: [Word]
    var payload: Payload
    var phrase: String
  }

  /// A match: the token range and the pattern's index.
  struct Match {
    var tokens: Range<Int>
    var pattern: Int
  }

  private(set) var patterns: [Pattern] = []
  /// Pattern indices by the vocabulary id of their first word (the array's index), longest first.
  private var byFirstWord: [[Int]] = []
  /// Pattern indices whose first word is a prefix, by its first UTF-8 byte (the array's index), longest first.
  private var byFirstPrefix: [[Int]] = Array(repeating: [], count: 256)
  /// Quick rejection: whether any pattern starts with a vocabulary id, or with a prefix's first byte.
  private var startsWithID: [Bool] = []
  private var startsWithByte: [Bool] = Array(repeating: false, count: 256)

  /// Compiles phrases against the vocabulary (which must contain their words).
  init(_ phrases: [(phrase: String, payload: Payload)], vocabulary: Vocabulary) {
    for (phrase, payload) in phrases {
      let words = Vocabulary.words(of: phrase).map { word -> Word in
        word.hasSuffix("*") ? .prefix(String(word.dropLast())) : .exact(vocabulary.id(of: word))
      }
      guard let first = words.first else { continue }
      let index = patterns.count
      patterns.append(Pattern(words: words, payload: payload, phrase: phrase))
      switch first {
      case .exact(let id):
        guard id >= 0 else { continue }  // a word the vocabulary lacks can never match
        if byFirstWord.count <= Int(id) { byFirstWord += Array(repeating: [], count: Int(id) + 1 - byFirstWord.count) }
        byFirstWord[Int(id)].append(index)
      case .prefix(let prefix):
        if let initial = prefix.utf8.first { byFirstPrefix[Int(initial)].append(index) }
      }
    }
    startsWithID = byFirstWord.map { !$0.isEmpty }
    startsWithByte = byFirstPrefix.map { !$0.isEmpty }
    let patterns = self.patterns
    for key in byFirstWord.indices { byFirstWord[key].sort { patterns[$0].words.count > patterns[$1].words.count } }
    for key in byFirstPrefix.indices { byFirstPrefix[key].sort { patterns[$0].words.count > patterns[$1].words.count } }
  }

  /// The payload of a match.
  func payload(_ match: Match) -> Payload { patterns[match.pattern].payload }

  /// The longest pattern matching at `position`, if any.
  func longestMatch(in text: PostingText, at position: Int, within bounds: Range<Int>) -> Match? {
    text.ids.withUnsafeBufferPointer { ids in
      text.initials.withUnsafeBufferPointer { initials in
        longestMatch(in: text, ids: ids, initials: initials, at: position, within: bounds)
      }
    }
  }

  /// The same, reading ids and initials through buffers taken once per pass.
  private func longestMatch(
    in text: PostingText, ids: UnsafeBufferPointer<Int32>, initials: UnsafeBufferPointer<UInt8>, at position: Int,
    within bounds: Range<Int>
  ) -> Match? {
    let id = ids[position]
    let initial = Int(initials[position])
    let exactPossible = id >= 0 && Int(id) < startsWithID.count && startsWithID[Int(id)]
    guard exactPossible || startsWithByte[initial] else { return nil }
    var best: Int?
    var bestLength = 0
    if exactPossible {
      for index in byFirstWord[Int(id)] where fits(patterns[index].words, text, ids, position, bounds) {
        best = index
        bestLength = patterns[index].words.count
        break
      }
    }
    if startsWithByte[initial] {
      for index in byFirstPrefix[initial] where patterns[index].words.count > bestLength {
        if fits(patterns[index].words, text, ids, position, bounds) {
          best = index
          bestLength = patterns[index].words.count
          break
        }
      }
    }
    return best.map { Match(tokens: position..<(position + bestLength), pattern: $0) }
  }

  /// Every non-overlapping longest match in a range of tokens, in order.
  func matches(in text: PostingText, range: Range<Int>) -> [Match] {
    text.ids.withUnsafeBufferPointer { ids in
      text.initials.withUnsafeBufferPointer { initials in
        var found: [Match] = []
        var position = range.lowerBound
        while position < range.upperBound {
          if let match = longestMatch(in: text, ids: ids, initials: initials, at: position, within: range) {
            found.append(match)
            position = match.tokens.upperBound
          } else {
            position += 1
          }
        }
        return found
      }
    }
  }

  private func fits(
    _ words: [Word], _ text: PostingText, _ ids: UnsafeBufferPointer<Int32>, _ position: Int, _ bounds: Range<Int>
  ) -> Bool {
    guard position + words.count <= bounds.upperBound else { return false }
    for offset in words.indices {
      switch words[offset] {
      case .exact(let id): if ids[position + offset] != id { return false }
      case .prefix(let prefix): if !text.word(position + offset).starts(with: prefix.utf8) { return false }
      }
    }
    return true
  }
}
