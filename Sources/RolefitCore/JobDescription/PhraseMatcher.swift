/// Finds lexicon phrases in token sequences: longest match first, each token counted once.
///
/// A phrase is words separated by spaces, tokenized like the text; a word ending in `*` matches
/// any word it begins.
struct PhraseMatcher<Payload: Sendable>: Sendable {
  struct Pattern: Sendable {
    var words: [String]
    /// Which words are prefixes (written with a trailing `*`).
    var prefixes: [Bool]
    var payload: Payload
    var phrase: String
  }

  /// A match: the token range and what it matched.
  struct Match {
    var tokens: Range<Int>
    var pattern: Pattern
  }

  private var byFirstWord: [String: [Pattern]] = [:]
  private var prefixFirst: [Pattern] = []

  /// Compiles phrases; `spelling` is applied to phrase words so both sides normalise alike.
  init(_ phrases: [(phrase: String, payload: Payload)], spelling: [String: String]) {
    for (phrase, payload) in phrases {
      let pattern = Self.compile(phrase, payload: payload, spelling: spelling)
      guard let first = pattern.words.first else { continue }
      if pattern.prefixes[0] {
        prefixFirst.append(pattern)
      } else {
        byFirstWord[first, default: []].append(pattern)
      }
    }
    for key in byFirstWord.keys { byFirstWord[key]?.sort { $0.words.count > $1.words.count } }
    prefixFirst.sort { $0.words.count > $1.words.count }
  }

  static func compile(_ phrase: String, payload: Payload, spelling: [String: String]) -> Pattern {
    var words: [String] = []
    var prefixes: [Bool] = []
    for raw in phrase.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "*") }) {
      let isPrefix = raw.hasSuffix("*")
      let word = String(raw.filter { $0 != "*" })
      guard !word.isEmpty else { continue }
      words.append(isPrefix ? word : spelling[word] ?? word)
      prefixes.append(isPrefix)
    }
    return Pattern(words: words, prefixes: prefixes, payload: payload, phrase: phrase)
  }

  /// The longest pattern matching at `position`, if any.
  func longestMatch(in tokens: [PostingText.Token], at position: Int, within bounds: Range<Int>) -> Match? {
    var best: Pattern?
    let word = tokens[position].word
    for pattern in byFirstWord[word] ?? [] where fits(pattern, tokens, position, bounds) {
      best = pattern
      break
    }
    for pattern in prefixFirst where pattern.words.count > (best?.words.count ?? 0) {
      if fits(pattern, tokens, position, bounds) {
        best = pattern
        break
      }
    }
    return best.map { Match(tokens: position..<(position + $0.words.count), pattern: $0) }
  }

  /// Every non-overlapping longest match in a range of tokens, in order.
  func matches(in tokens: [PostingText.Token], range: Range<Int>) -> [Match] {
    var found: [Match] = []
    var position = range.lowerBound
    while position < range.upperBound {
      if let match = longestMatch(in: tokens, at: position, within: range) {
        found.append(match)
        position = match.tokens.upperBound
      } else {
        position += 1
      }
    }
    return found
  }

  /// Whether the whole of `range` is one of the patterns.
  func matchesWhole(_ tokens: [PostingText.Token], range: Range<Int>) -> Bool {
    guard !range.isEmpty, let match = longestMatch(in: tokens, at: range.lowerBound, within: range) else {
      return false
    }
    return match.tokens.upperBound == range.upperBound
  }

  private func fits(_ pattern: Pattern, _ tokens: [PostingText.Token], _ position: Int, _ bounds: Range<Int>) -> Bool {
    guard position + pattern.words.count <= bounds.upperBound else { return false }
    for (offset, word) in pattern.words.enumerated() {
      let token = tokens[position + offset].word
      if pattern.prefixes[offset] ? !token.hasPrefix(word) : token != word { return false }
    }
    return true
  }
}
