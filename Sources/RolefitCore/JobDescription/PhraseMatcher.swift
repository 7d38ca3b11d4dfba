/// Finds lexicon phrases in token sequences: longest match first, each token counted once.
///
/// A phrase is words separated by spaces, tokenized like the text; a word ending in `*` matches
/// any word it begins. When two phrases of the same length match, the one given first wins; a
/// phrase that begins with a prefix wins only when it is longer than every other match.
///
/// Matching runs over every token of every posting in a batch, and common words begin many
/// phrases ("the" begins a hundred), so phrases of whole words are walked as a trie of
/// vocabulary ids, one step per token. The few phrases with a prefix in them are tried one by one.
struct PhraseMatcher<Payload: Sendable>: Sendable {
  struct Pattern: Sendable {
    var payload: Payload
    var phrase: String
    /// Each word's vocabulary id, or `-2 - k` for `prefixes[k]`.
    var words: [Int32]
  }

  /// A match: the token range, the pattern's index, and the segment it is in.
  struct Match {
    var tokens: Range<Int>
    var pattern: Int
    var segment = 0
  }

  private(set) var patterns: [Pattern] = []
  /// The words written with a trailing `*`, without it.
  private var prefixes: [[UInt8]] = []
  /// The trie of phrases of whole words.
  ///
  /// Node 0 is the root; a node's child for a word is in `rootChildren` (by vocabulary id) for
  /// the root and in `edges` for the others.
  private var rootChildren: [Int32] = []
  private var edges = EdgeTable()
  /// The pattern a node completes (the first given, if several), or -1.
  private var terminals: [Int32] = [-1]
  /// Patterns with a prefix in them, by the vocabulary id of their first word, and by the first
  /// byte of their first word when that is the prefix.
  private var prefixedByFirstWord: [[Int32]] = []
  private var hasPrefixedByFirstWord: [Bool] = []
  private var prefixedByFirstByte: [[Int32]] = Array(repeating: [], count: 256)
  /// Whether any pattern starts with a prefix beginning with this byte: a quick test per token.
  private var prefixInitials: [Bool] = Array(repeating: false, count: 256)

  /// Compiles phrases against the vocabulary (which must contain their words).
  init(_ phrases: [(phrase: String, payload: Payload)], vocabulary: Vocabulary) {
    rootChildren = Array(repeating: -1, count: vocabulary.count)
    prefixedByFirstWord = Array(repeating: [], count: vocabulary.count)
    hasPrefixedByFirstWord = Array(repeating: false, count: vocabulary.count)
    for (phrase, payload) in phrases {
      let words = Vocabulary.words(of: phrase).map { word -> Int32 in
        guard word.hasSuffix("*") else { return vocabulary.id(of: word) }
        let prefix = Array(word.dropLast().utf8)
        if let known = prefixes.firstIndex(of: prefix) { return -2 - Int32(known) }
        prefixes.append(prefix)
        return -1 - Int32(prefixes.count)
      }
      let index = Int32(patterns.count)
      patterns.append(Pattern(payload: payload, phrase: phrase, words: words))
      // An empty phrase, or a word the vocabulary lacks (-1): the pattern can never match.
      guard let first = words.first, !words.contains(Vocabulary.unknown) else { continue }
      if words.allSatisfy({ $0 >= 0 }) {
        insert(words, pattern: index)
      } else if first >= 0 {
        prefixedByFirstWord[Int(first)].append(index)
        hasPrefixedByFirstWord[Int(first)] = true
      } else if let initial = prefixes[Int(-2 - first)].first {
        prefixedByFirstByte[Int(initial)].append(index)
        prefixInitials[Int(initial)] = true
      }
    }
  }

  private mutating func insert(_ words: [Int32], pattern: Int32) {
    var node = rootChildren[Int(words[0])]
    if node < 0 {
      node = addNode()
      rootChildren[Int(words[0])] = node
    }
    for word in words.dropFirst() {
      if let child = edges.child(of: node, word: word) {
        node = child
      } else {
        let child = addNode()
        edges.insert(node: node, word: word, child: child)
        node = child
      }
    }
    if terminals[Int(node)] < 0 { terminals[Int(node)] = pattern }
  }

  private mutating func addNode() -> Int32 {
    terminals.append(-1)
    return Int32(terminals.count - 1)
  }

  /// The payload of a match.
  func payload(_ match: Match) -> Payload { patterns[match.pattern].payload }

  /// The longest pattern matching at `position`, if any.
  func longestMatch(in text: PostingText, at position: Int, within bounds: Range<Int>) -> Match? {
    text.withView { longestMatch($0, at: position, within: bounds) }
  }

  /// The longest pattern matching at each position of a range that starts one, overlaps and all.
  func longestMatches(in text: PostingText, range: Range<Int>) -> [Match] {
    text.withView { view in range.compactMap { longestMatch(view, at: $0, within: range) } }
  }

  /// Every non-overlapping longest match in a range of tokens, in order.
  func matches(in text: PostingText, range: Range<Int>) -> [Match] {
    text.withView { view in
      var found: [Match] = []
      collect(view, in: range, segment: 0, into: &found)
      return found
    }
  }

  /// Every non-overlapping longest match in each of the text's segments `where` allows, in order.
  ///
  /// One pass for the whole posting: a batch calls this for millions of segments.
  func matches(in text: PostingText, segments included: (Int) -> Bool) -> [Match] {
    text.withView { view in
      var found: [Match] = []
      for (index, segment) in text.segments.enumerated() where included(index) {
        collect(view, in: segment.tokens, segment: index, into: &found)
      }
      return found
    }
  }

  private func collect(_ text: PostingText.View, in range: Range<Int>, segment: Int, into found: inout [Match]) {
    var position = range.lowerBound
    while position < range.upperBound {
      if var match = longestMatch(text, at: position, within: range) {
        match.segment = segment
        found.append(match)
        position = match.tokens.upperBound
      } else {
        position += 1
      }
    }
  }

  @inline(__always)
  private func longestMatch(_ text: PostingText.View, at position: Int, within bounds: Range<Int>) -> Match? {
    let id = Int(text.ids[position])
    let initial = Int(text.initials[position])
    guard id >= 0 || prefixInitials[initial] else { return nil }
    var best = -1
    var bestLength = 0
    // Whole words: down the trie as far as the tokens go, keeping the deepest phrase's end.
    if id >= 0 {
      var node = rootChildren[id]
      var length = 1
      while node >= 0 {
        let pattern = Int(terminals[Int(node)])
        if pattern >= 0 {
          best = pattern
          bestLength = length
        }
        let next = position + length
        guard next < bounds.upperBound, text.ids[next] >= 0 else { break }
        node = edges.child(of: node, word: text.ids[next]) ?? -1
        length += 1
      }
      // Phrases with a prefix after their first word: longer wins, then the one given first.
      if hasPrefixedByFirstWord[id] {
        for pattern in prefixedByFirstWord[id] {
          let length = patterns[Int(pattern)].words.count
          if length > bestLength || (length == bestLength && Int(pattern) < best),
            fits(Int(pattern), text, at: position, within: bounds)
          {
            best = Int(pattern)
            bestLength = length
          }
        }
      }
    }
    // Phrases that begin with a prefix count only when longer.
    if prefixInitials[initial] {
      for pattern in prefixedByFirstByte[initial] {
        let length = patterns[Int(pattern)].words.count
        if length > bestLength, fits(Int(pattern), text, at: position, within: bounds) {
          best = Int(pattern)
          bestLength = length
        }
      }
    }
    return best < 0 ? nil : Match(tokens: position..<(position + bestLength), pattern: best)
  }

  private func fits(_ pattern: Int, _ text: PostingText.View, at position: Int, within bounds: Range<Int>) -> Bool {
    let words = patterns[pattern].words
    guard position + words.count <= bounds.upperBound else { return false }
    for (offset, word) in words.enumerated() {
      if word >= 0 {
        if text.ids[position + offset] != word { return false }
      } else if !text.word(position + offset, startsWith: prefixes[Int(-2 - word)]) {
        return false
      }
    }
    return true
  }
}

/// The trie's edges below the root: (node, word id) to child node, by open addressing.
private struct EdgeTable: Sendable {
  private var keys: [UInt64] = Array(repeating: .max, count: 64)
  private var children: [Int32] = Array(repeating: -1, count: 64)
  private var count = 0

  private static func key(_ node: Int32, _ word: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
  }

  private func slot(for key: UInt64) -> Int {
    // Fibonacci hashing: the high bits of the product, masked to the table.
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
  }

  @inline(__always)
  func child(of node: Int32, word: Int32) -> Int32? {
    let key = Self.key(node, word)
    var slot = slot(for: key)
    while true {
      let found = keys[slot]
      if found == key { return children[slot] }
      if found == .max { return nil }
      slot = (slot + 1) & (keys.count - 1)
    }
  }

  mutating func insert(node: Int32, word: Int32, child: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    let key = Self.key(node, word)
    var slot = slot(for: key)
    while keys[slot] != .max { slot = (slot + 1) & (keys.count - 1) }
    keys[slot] = key
    children[slot] = child
    count += 1
  }

  private mutating func grow() {
    let old = zip(keys, children).filter { $0.0 != .max }
    keys = Array(repeating: .max, count: keys.count * 2)
    children = Array(repeating: -1, count: keys.count)
    count = 0
    for (key, child) in old {
      insert(
        node: Int32(truncatingIfNeeded: key >> 32), word: Int32(bitPattern: UInt32(truncatingIfNeeded: key)),
        child: child)
    }
  }
}
