/// A posting's text cut into segments (lines, list items, HTML blocks) and word tokens, with
/// offsets in Unicode scalars so `text[start:end]` in Python gives back each phrase.
///
/// The scanner walks the UTF-8 bytes once: letters are lower-cased into one shared buffer and
/// looked up in the vocabulary without making a `String` per word, which is most of the job
/// description engine's time on large batches.
struct PostingText {
  /// A word and where it stands, in 32-bit fields: a batch makes millions of these.
  struct Token {
    /// Offsets in Unicode scalars into the text as read, end exclusive.
    var start: Int32
    var end: Int32
    /// Offsets in UTF-8 bytes into the text, for slicing it.
    var byteStart: Int32
    var byteEnd: Int32
    /// Where the lower-cased word is in `lowered`, for a word with letters beyond ASCII; -1 for
    /// an ASCII word, whose lower case is its bytes with bit 0x20 set (letters and digits only).
    var lowerStart: Int32
    var lowerEnd: Int32
    /// Sentences end at `.`, `!`, `?` or `;` followed by space, and at every segment break.
    var sentence: Int32
    /// Clauses also end at `,` and `:`; negation does not reach across them.
    var clause: Int32
  }

  /// A line, list item or HTML block.
  struct Segment {
    var tokens: Range<Int>
    /// Marked as a heading by Markdown `#`, an HTML `<h1>`-`<h6>`, bold on its own, or a final `:`.
    var isStrongHeading: Bool
    /// A short line without final punctuation: perhaps a heading.
    var isWeakHeading: Bool
  }

  var tokens: [Token] = []
  /// The tokens' vocabulary ids (British spellings mapped to American ones; `Vocabulary.unknown`
  /// if no rule names the word), apart from the tokens: matching reads them millions of times.
  var ids: [Int32] = []
  /// The first byte of each lower-cased word, for prefix patterns, likewise.
  var initials: [UInt8] = []
  var segments: [Segment] = []
  /// The text as UTF-8.
  let bytes: [UInt8]
  /// Every word lower-cased, one after another.
  private(set) var lowered: [UInt8] = []
  /// Whether the text holds U+FFFD, the mark of bytes that were not UTF-8 when it was read.
  private(set) var hasReplacementCharacters = false

  /// The longest text read, in bytes of UTF-8 (64 MiB): far more than any posting, well within
  /// a token's 32-bit offsets, and a bound on the arrays the scanner sets aside.
  static let largestBytes = 64 << 20

  /// The text from the start of token `first` to the end of token `last`.
  func phrase(from first: Int, to last: Int) -> String {
    String(decoding: bytes[Int(tokens[first].byteStart)..<Int(tokens[last].byteEnd)], as: UTF8.self)
  }

  /// The tokens seen through pointers, for matching phrases without copying or retaining arrays.
  struct View {
    let ids: UnsafeBufferPointer<Int32>
    let initials: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let lowered: UnsafeBufferPointer<UInt8>
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether a token's lower-cased word begins with `prefix` (lower-case UTF-8).
    func word(_ index: Int, startsWith prefix: [UInt8]) -> Bool {
      let token = tokens[index]
      if token.lowerStart >= 0 {
        return UnsafeBufferPointer(rebasing: lowered[Int(token.lowerStart)..<Int(token.lowerEnd)]).starts(with: prefix)
      }
      let word = UnsafeBufferPointer(rebasing: bytes[Int(token.byteStart)..<Int(token.byteEnd)])
      return word.count >= prefix.count && zip(word, prefix).allSatisfy { $0 | 0x20 == $1 }
    }
  }

  /// Runs `body` with the tokens seen through pointers.
  func withView<Result>(_ body: (View) -> Result) -> Result {
    ids.withUnsafeBufferPointer { ids in
      initials.withUnsafeBufferPointer { initials in
        tokens.withUnsafeBufferPointer { tokens in
          lowered.withUnsafeBufferPointer { lowered in
            bytes.withUnsafeBufferPointer { bytes in
              body(View(ids: ids, initials: initials, tokens: tokens, lowered: lowered, bytes: bytes))
            }
          }
        }
      }
    }
  }

  /// Cuts `text` into segments and tokens, giving each word its vocabulary id.
  ///
  /// - Precondition: the text has at most `largestBytes` bytes of UTF-8.
  init(_ text: String, vocabulary: Vocabulary) {
    let bytes = Array(text.utf8)
    precondition(bytes.count <= Self.largestBytes, "a posting text over 64 MiB")
    self.bytes = bytes
    var scanner = Scanner()
    // Every token takes a byte and is followed by another, so there are at most half as many
    // tokens as bytes, plus one: the scanner writes them straight into arrays of that capacity.
    let bound = bytes.count / 2 + 1
    var ids: [Int32] = []
    var initials: [UInt8] = []
    tokens = [Token](unsafeUninitializedCapacity: bound) { tokens, tokenCount in
      ids = [Int32](unsafeUninitializedCapacity: bound) { ids, idCount in
        initials = [UInt8](unsafeUninitializedCapacity: bound) { initials, initialCount in
          scanner.output = Scanner.Output(tokens: tokens, ids: ids, initials: initials)
          bytes.withUnsafeBufferPointer { bytes in
            vocabulary.withLookup { lookup in scanner.run(bytes, lookup) }
          }
          initialCount = scanner.tokenCount
        }
        idCount = scanner.tokenCount
      }
      tokenCount = scanner.tokenCount
    }
    self.ids = ids
    self.initials = initials
    segments = scanner.segments
    lowered = scanner.lowered
    hasReplacementCharacters = scanner.sawReplacement
  }

  /// Whether a hyphen between these two scalars ends a sentence.
  ///
  /// Spaced on both sides, it separates what a flattened list ran together ("Responsibilities -
  /// Own the plan - Report status"). The tokenizer and the renderer's quotes ask the same.
  static func hyphenEndsSentence(after previous: Unicode.Scalar, before next: Unicode.Scalar) -> Bool {
    (previous == " " || previous == "\t") && next.properties.isWhitespace
  }

  /// The scanner's state while it walks the text once.
  private struct Scanner {
    /// Where tokens, their ids and initials go: arrays being built, with room for them all.
    struct Output {
      var tokens: UnsafeMutableBufferPointer<Token>
      var ids: UnsafeMutableBufferPointer<Int32>
      var initials: UnsafeMutableBufferPointer<UInt8>
    }
    var output = Output(
      tokens: .init(start: nil, count: 0), ids: .init(start: nil, count: 0), initials: .init(start: nil, count: 0))
    var tokenCount = 0
    var segments: [Segment] = []
    var lowered: [UInt8] = []
    var sawReplacement = false

    /// The byte being read, and the number of scalars before it.
    var index = 0
    var scalar = 0
    var sentence: Int32 = 0
    var clause: Int32 = 0
    var segmentIsHeading = false
    var segmentHasBoldStart = false
    var inHeadingTag = false
    /// The last character that was not a space, as a scalar.
    var lastVisible: Unicode.Scalar?
    /// The word being read: where it started (scalars, bytes), whether it is all ASCII so far
    /// (then it has no copy in `lowered`), where its lower-case copy starts if not, and the
    /// hash of its lower-case form so far.
    var wordStart = -1
    var wordByteStart = 0
    var wordIsASCII = true
    var wordLowerStart = 0
    var wordHash = FNV1a()

    /// Whether an ASCII byte is a letter or a digit: bit `byte` of the 128-bit mask.
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
      // Digits 0x30-0x39 in the low half; letters 0x41-0x5A and 0x61-0x7A in the high half.
      byte < 64
        ? (0x03FF_0000_0000_0000 as UInt64) >> byte & 1 == 1 : (0x07FF_FFFE_07FF_FFFE as UInt64) >> (byte & 63) & 1 == 1
    }

    static let blockTags: Set<String> = [
      "p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "hr",
      "table", "header", "footer", "article", "dt", "dd",
    ]

    var segmentTokenStart: Int { segments.last.map(\.tokens.upperBound) ?? 0 }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, _ lookup: Vocabulary.Lookup) {
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          if Self.isASCIIWord(byte) {
            // A run of ASCII letters and digits, hashed in lower case (bit 0x20 set: digits have
            // it already). Only a word that also has other letters keeps a lower-case copy.
            beginWord()
            var end = index + 1
            while end < count && bytes[end] < 0x80 && Self.isASCIIWord(bytes[end]) { end += 1 }
            var hash = wordHash
            if wordIsASCII {
              for position in index..<end { hash.combine(bytes[position] | 0x20) }
            } else {
              for position in index..<end {
                lowered.append(bytes[position] | 0x20)
                hash.combine(bytes[position] | 0x20)
              }
            }
            wordHash = hash
            lastVisible = Unicode.Scalar(bytes[end - 1])
            scalar += end - index
            index = end
            continue
          }
          endWord(bytes, lookup)
          if byte == 0x20 {
            index += 1
            scalar += 1
            continue
          }
          if ascii(byte, bytes) { continue }
          index += 1
          scalar += 1
          continue
        }
        // A multi-byte scalar: letters join the word, anything else separates.
        let (decoded, length) = Self.decode(bytes, at: index)
        if decoded.properties.isAlphabetic || decoded.properties.numericType != nil {
          beginWord()
          if wordIsASCII {
            // The word so far was read without a copy: make its lower-case copy now.
            wordLowerStart = lowered.count
            for position in wordByteStart..<index { lowered.append(bytes[position] | 0x20) }
            wordIsASCII = false
          }
          for byte in String(decoded).lowercased().utf8 {
            lowered.append(byte)
            wordHash.combine(byte)
          }
          lastVisible = decoded
        } else {
          endWord(bytes, lookup)
          if decoded == "\u{FFFD}" { sawReplacement = true }
          if decoded == "—" || decoded == "–" { clause += 1 }
          if !decoded.properties.isWhitespace { lastVisible = decoded }
        }
        index += length
        scalar += 1
      }
      endWord(bytes, lookup)
      endSegment()
    }

    /// Handles an ASCII byte that is not part of a word; `true` when it moved `index` itself.
    mutating func ascii(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      switch byte {
      case 0x0A, 0x0D:  // newline
        endSegment()
      case 0x3C:  // <
        if skipTag(bytes) { return true }
        lastVisible = "<"
      case 0x26:  // &
        if skipEntity(bytes) { return true }
        lastVisible = "&"
      case 0x2E, 0x21, 0x3F, 0x3B:  // . ! ? ;
        if index + 1 >= bytes.count || Self.isSpace(bytes, at: index + 1) || bytes[index + 1] == 0x3C {
          sentence += 1
          clause += 1
        }
        lastVisible = Unicode.Scalar(byte)
      case 0x2D:  // -
        if index > 0, index + 1 < bytes.count,
          PostingText.hyphenEndsSentence(
            after: Unicode.Scalar(bytes[index - 1]), before: Self.decode(bytes, at: index + 1).0)
        {
          sentence += 1
          clause += 1
        }
        lastVisible = "-"
      case 0x2C, 0x3A, 0x28, 0x29:  // , : ( )
        clause += 1
        lastVisible = Unicode.Scalar(byte)
      case 0x23:  // #
        if tokenCount == segmentTokenStart { segmentIsHeading = true }
      case 0x2A:  // *
        if tokenCount == segmentTokenStart, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
          segmentHasBoldStart = true
        }
        lastVisible = "*"
      case 0x20, 0x09:
        break
      default:
        lastVisible = Unicode.Scalar(byte)
      }
      return false
    }

    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
      let byte = bytes[position]
      if byte < 0x80 { return byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
      return decode(bytes, at: position).0.properties.isWhitespace
    }

    /// The scalar whose UTF-8 starts at `position`, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
      let lead = bytes[position]
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      guard position + length <= bytes.count else { return ("\u{FFFD}", 1) }
      var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0x7F)
      for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
      return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always)
    mutating func beginWord() {
      guard wordStart < 0 else { return }
      wordStart = scalar
      wordByteStart = index
      wordIsASCII = true
      wordHash = FNV1a()
    }

    mutating func endWord(_ bytes: UnsafeBufferPointer<UInt8>, _ lookup: Vocabulary.Lookup) {
      guard wordStart >= 0 else { return }
      let id: Int32
      let initial: UInt8
      var lowerStart = -1
      var lowerEnd = -1
      if wordIsASCII {
        let word = UnsafeBufferPointer(rebasing: bytes[wordByteStart..<index])
        id = lookup.id(ofASCII: word, hash: wordHash.value)
        initial = word[0] | 0x20
      } else {
        (lowerStart, lowerEnd) = (wordLowerStart, lowered.count)
        (id, initial) = lowered.withUnsafeBufferPointer { buffer in
          (
            lookup.id(of: UnsafeBufferPointer(rebasing: buffer[lowerStart...]), hash: wordHash.value),
            buffer[lowerStart]
          )
        }
      }
      (output.tokens.baseAddress.unsafelyUnwrapped + tokenCount).initialize(
        to: Token(
          start: Int32(truncatingIfNeeded: wordStart), end: Int32(truncatingIfNeeded: scalar),
          byteStart: Int32(truncatingIfNeeded: wordByteStart), byteEnd: Int32(truncatingIfNeeded: index),
          lowerStart: Int32(truncatingIfNeeded: lowerStart), lowerEnd: Int32(truncatingIfNeeded: lowerEnd),
          sentence: sentence, clause: clause))
      (output.ids.baseAddress.unsafelyUnwrapped + tokenCount).initialize(to: id)
      (output.initials.baseAddress.unsafelyUnwrapped + tokenCount).initialize(to: initial)
      tokenCount += 1
      wordStart = -1
    }

    mutating func endSegment() {
      let start = segmentTokenStart
      let count = tokenCount - start
      if count > 0 {
        let strong =
          segmentIsHeading || inHeadingTag || (lastVisible == ":" && count <= 8)
          || (segmentHasBoldStart && lastVisible == "*" && count <= 10)
        let weak = !strong && count <= 5 && lastVisible.map { !".!?;,".unicodeScalars.contains($0) } ?? true
        segments.append(Segment(tokens: start..<tokenCount, isStrongHeading: strong, isWeakHeading: weak))
        sentence += 1
        clause += 1
      }
      segmentIsHeading = false
      segmentHasBoldStart = false
      lastVisible = nil
    }

    /// Skips an HTML tag starting at `<`; block tags end the segment.
    ///
    /// `false` if it is not a tag.
    mutating func skipTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var end = index + 1
      let limit = min(bytes.count, index + 200)
      while end < limit && bytes[end] != 0x3E && bytes[end] != 0x3C { end += 1 }
      guard end < limit, bytes[end] == 0x3E, index + 1 < end else { return false }
      var name: [UInt8] = []
      var closing = false
      for byte in bytes[(index + 1)..<end] {
        if byte == 0x2F && name.isEmpty {
          closing = true
          continue
        }
        guard byte < 0x80, Self.isASCIIWord(byte) else { break }
        name.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
      }
      guard !name.isEmpty else { return false }
      let tag = String(decoding: name, as: UTF8.self)
      if Self.blockTags.contains(tag) {
        endSegment()
        if tag.count == 2, tag.hasPrefix("h"), tag != "hr" {
          inHeadingTag = !closing
          segmentIsHeading = !closing
        }
      }
      advance(bytes, to: end + 1)
      return true
    }

    /// Skips an entity such as `&amp;` or `&#8217;`; `false` if it is not one.
    mutating func skipEntity(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var end = index + 1
      while end < bytes.count && end - index < 10 && bytes[end] < 0x80
        && (Self.isASCIIWord(bytes[end]) || bytes[end] == 0x23)
      {
        end += 1
      }
      guard end < bytes.count, bytes[end] == 0x3B, end > index + 1 else { return false }
      advance(bytes, to: end + 1)
      return true
    }

    /// Moves to a byte, counting the scalars passed.
    mutating func advance(_ bytes: UnsafeBufferPointer<UInt8>, to position: Int) {
      while index < position {
        if bytes[index] & 0xC0 != 0x80 { scalar += 1 }
        index += 1
      }
    }
  }
}
