/// A posting's text cut into segments (lines, list items, HTML blocks) and word tokens, with
/// offsets in Unicode scalars so `text[start:end]` in Python gives back each phrase.
///
/// The scanner walks the UTF-8 bytes once: letters are lower-cased into one shared buffer and
/// looked up in the vocabulary without making a `String` per word, which is most of the job
/// description engine's time on large batches.
struct PostingText {
  /// A word and where it stands.
  struct Token {
    /// Offsets in Unicode scalars into the text as read, end exclusive.
    var start: Int
    var end: Int
    /// Offsets in UTF-8 bytes into the text, for slicing it.
    var byteStart: Int
    var byteEnd: Int
    /// Where the lower-cased word is in `lowered`.
    var lowerStart: Int
    var lowerEnd: Int
    var segment: Int
    /// Sentences end at `.`, `!`, `?` or `;` followed by space, and at every segment break.
    var sentence: Int
    /// Clauses also end at `,` and `:`; negation does not reach across them.
    var clause: Int
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

  /// The text from the start of token `first` to the end of token `last`.
  func phrase(from first: Int, to last: Int) -> String {
    String(decoding: bytes[tokens[first].byteStart..<tokens[last].byteEnd], as: UTF8.self)
  }

  /// A token's lower-cased word, as bytes.
  func word(_ index: Int) -> ArraySlice<UInt8> { lowered[tokens[index].lowerStart..<tokens[index].lowerEnd] }

  /// Cuts `text` into segments and tokens, giving each word its vocabulary id.
  init(_ text: String, vocabulary: Vocabulary) {
    bytes = Array(text.utf8)
    var scanner = Scanner(bytes: bytes, vocabulary: vocabulary)
    scanner.run()
    tokens = scanner.tokens
    ids = scanner.ids
    initials = scanner.initials
    segments = scanner.segments
    lowered = scanner.lowered
    hasReplacementCharacters = scanner.sawReplacement
  }

  /// The scanner's state while it walks the text once.
  private struct Scanner {
    let bytes: [UInt8]
    let vocabulary: Vocabulary
    var tokens: [Token] = []
    var ids: [Int32] = []
    var initials: [UInt8] = []
    var segments: [Segment] = []
    var lowered: [UInt8] = []
    var sawReplacement = false

    /// The byte being read, and the number of scalars before it.
    var index = 0
    var scalar = 0
    var sentence = 0
    var clause = 0
    var segmentIsHeading = false
    var segmentHasBoldStart = false
    var inHeadingTag = false
    /// The last character that was not a space, as a scalar.
    var lastVisible: Unicode.Scalar?
    /// The word being read: where it started (scalars, bytes) and where its lower-case form starts.
    var wordStart = -1
    var wordByteStart = 0
    var wordLowerStart = 0

    init(bytes: [UInt8], vocabulary: Vocabulary) {
      self.bytes = bytes
      self.vocabulary = vocabulary
      lowered.reserveCapacity(bytes.count)
      // About one word in every six bytes of English prose.
      tokens.reserveCapacity(bytes.count / 6 + 8)
      ids.reserveCapacity(bytes.count / 6 + 8)
      initials.reserveCapacity(bytes.count / 6 + 8)
    }

    /// ASCII letters and digits, by code.
    static let asciiWord: [Bool] = (0..<128).map { code in
      (0x61...0x7A).contains(code) || (0x41...0x5A).contains(code) || (0x30...0x39).contains(code)
    }

    static let blockTags: Set<String> = [
      "p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "hr",
      "table", "header", "footer", "article", "dt", "dd",
    ]

    var segmentTokenStart: Int { segments.last.map(\.tokens.upperBound) ?? 0 }

    mutating func run() {
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          if Self.asciiWord[Int(byte)] {
            beginWord()
            lowered.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            lastVisible = Unicode.Scalar(byte)
            index += 1
            scalar += 1
            continue
          }
          endWord()
          if ascii(byte) { continue }
          index += 1
          scalar += 1
          continue
        }
        // A multi-byte scalar: letters join the word, anything else separates.
        let (decoded, length) = decode(at: index)
        if decoded.properties.isAlphabetic || decoded.properties.numericType != nil {
          beginWord()
          lowered.append(contentsOf: String(decoded).lowercased().utf8)
          lastVisible = decoded
        } else {
          endWord()
          if decoded == "\u{FFFD}" { sawReplacement = true }
          if decoded == "—" || decoded == "–" { clause += 1 }
          if !decoded.properties.isWhitespace { lastVisible = decoded }
        }
        index += length
        scalar += 1
      }
      endWord()
      endSegment()
    }

    /// Handles an ASCII byte that is not part of a word; `true` when it moved `index` itself.
    mutating func ascii(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x0A, 0x0D:  // newline
        endSegment()
      case 0x3C:  // <
        if skipTag() { return true }
        lastVisible = "<"
      case 0x26:  // &
        if skipEntity() { return true }
        lastVisible = "&"
      case 0x2E, 0x21, 0x3F, 0x3B:  // . ! ? ;
        if index + 1 >= bytes.count || isSpace(at: index + 1) || bytes[index + 1] == 0x3C {
          sentence += 1
          clause += 1
        }
        lastVisible = Unicode.Scalar(byte)
      case 0x2C, 0x3A, 0x28, 0x29:  // , : ( )
        clause += 1
        lastVisible = Unicode.Scalar(byte)
      case 0x23:  // #
        if tokens.count == segmentTokenStart { segmentIsHeading = true }
      case 0x2A:  // *
        if tokens.count == segmentTokenStart, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
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

    func isSpace(at position: Int) -> Bool {
      let byte = bytes[position]
      if byte < 0x80 { return byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
      return decode(at: position).0.properties.isWhitespace
    }

    /// The scalar whose UTF-8 starts at `position`, and its length in bytes.
    func decode(at position: Int) -> (Unicode.Scalar, Int) {
      let lead = bytes[position]
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      guard position + length <= bytes.count else { return ("\u{FFFD}", 1) }
      var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0x7F)
      for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
      return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    mutating func beginWord() {
      guard wordStart < 0 else { return }
      wordStart = scalar
      wordByteStart = index
      wordLowerStart = lowered.count
    }

    mutating func endWord() {
      guard wordStart >= 0 else { return }
      let id = lowered.withUnsafeBufferPointer { buffer in
        vocabulary.id(of: UnsafeBufferPointer(rebasing: buffer[wordLowerStart..<buffer.count]))
      }
      tokens.append(
        Token(
          start: wordStart, end: scalar, byteStart: wordByteStart, byteEnd: index, lowerStart: wordLowerStart,
          lowerEnd: lowered.count, segment: segments.count, sentence: sentence, clause: clause))
      ids.append(id)
      initials.append(lowered[wordLowerStart])
      wordStart = -1
    }

    mutating func endSegment() {
      let start = segmentTokenStart
      let count = tokens.count - start
      if count > 0 {
        let strong =
          segmentIsHeading || inHeadingTag || (lastVisible == ":" && count <= 8)
          || (segmentHasBoldStart && lastVisible == "*" && count <= 10)
        let weak = !strong && count <= 5 && lastVisible.map { !".!?;,".unicodeScalars.contains($0) } ?? true
        segments.append(Segment(tokens: start..<tokens.count, isStrongHeading: strong, isWeakHeading: weak))
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
    mutating func skipTag() -> Bool {
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
        guard byte < 0x80, Self.asciiWord[Int(byte)] else { break }
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
      advance(to: end + 1)
      return true
    }

    /// Skips an entity such as `&amp;` or `&#8217;`; `false` if it is not one.
    mutating func skipEntity() -> Bool {
      var end = index + 1
      while end < bytes.count && end - index < 10 && bytes[end] < 0x80
        && (Self.asciiWord[Int(bytes[end])] || bytes[end] == 0x23)
      {
        end += 1
      }
      guard end < bytes.count, bytes[end] == 0x3B, end > index + 1 else { return false }
      advance(to: end + 1)
      return true
    }

    /// Moves to a byte, counting the scalars passed.
    mutating func advance(to position: Int) {
      while index < position {
        if bytes[index] & 0xC0 != 0x80 { scalar += 1 }
        index += 1
      }
    }
  }
}
