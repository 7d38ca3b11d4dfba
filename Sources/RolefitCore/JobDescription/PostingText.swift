/// A posting's text cut into segments (lines, list items, HTML blocks) and word tokens, with
/// offsets in Unicode scalars so `text[start:end]` in Python gives back each phrase.
struct PostingText {
  /// A word: lower-cased, with its vocabulary id and where it stands.
  struct Token {
    /// The word as written, lower-cased (prefix patterns match against it).
    var word: String
    /// The vocabulary id, British spellings mapped to American ones; `Vocabulary.unknown` if no rule names it.
    var id: Int32
    /// Offsets in Unicode scalars into the text as read, end exclusive.
    var start: Int
    var end: Int
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
  /// The tokens' vocabulary ids alone: matching reads these millions of times, and a plain
  /// integer array costs no reference counting.
  var ids: [Int32] = []
  /// The first UTF-8 byte of each token, for prefix patterns, likewise.
  var initials: [UInt8] = []
  var segments: [Segment] = []
  /// The text's Unicode scalars, which the offsets index.
  let scalars: [Unicode.Scalar]

  /// The text between two scalar offsets.
  func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }

  private static let blockTags: Set<String> = [
    "p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "hr",
    "table", "header", "footer", "article", "dt", "dd",
  ]

  /// Cuts `text` into segments and tokens, giving each word its vocabulary id.
  init(_ text: String, vocabulary: Vocabulary) {
    scalars = Array(text.unicodeScalars)
    var scanner = Scanner(scalars: scalars, vocabulary: vocabulary)
    scanner.run()
    tokens = scanner.tokens
    ids = scanner.tokens.map(\.id)
    initials = scanner.tokens.map { $0.word.utf8.first ?? 0 }
    segments = scanner.segments
  }

  /// The scanner's state while it walks the text once.
  private struct Scanner {
    let scalars: [Unicode.Scalar]
    let vocabulary: Vocabulary
    var tokens: [Token] = []
    var segments: [Segment] = []

    var index = 0
    var sentence = 0
    var clause = 0
    var segmentStart = 0
    var segmentIsHeading = false
    var segmentHasBoldStart = false
    var inHeadingTag = false
    var lastVisible: Unicode.Scalar?
    var wordBytes: [UInt8] = []
    var wordScalars = String.UnicodeScalarView()
    var wordIsASCII = true
    var wordStart = -1

    init(scalars: [Unicode.Scalar], vocabulary: Vocabulary) {
      self.scalars = scalars
      self.vocabulary = vocabulary
      wordBytes.reserveCapacity(32)
    }

    mutating func run() {
      while index < scalars.count {
        let scalar = scalars[index]
        let value = scalar.value
        if isWordScalar(scalar) {
          if wordStart < 0 { wordStart = index }
          if value < 0x80 && wordIsASCII {
            wordBytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 32) : UInt8(value))
          } else {
            if wordIsASCII {
              // The first non-ASCII letter: carry the ASCII part over, then go on scalar by scalar.
              wordScalars = String(decoding: wordBytes, as: UTF8.self).unicodeScalars
              wordIsASCII = false
            }
            wordScalars.append(scalar)
          }
          lastVisible = scalar
          index += 1
          continue
        }
        endWord()
        switch scalar {
        case "\n", "\r":
          endSegment()
        case "<":
          if !skipTag() { lastVisible = scalar }
          continue
        case "&":
          if skipEntity() { continue }
          lastVisible = scalar
        case ".", "!", "?", ";":
          if index + 1 >= scalars.count || Self.isSpace(scalars[index + 1]) || scalars[index + 1] == "<" {
            sentence += 1
            clause += 1
          }
          lastVisible = scalar
        case ",", ":", "(", ")", "—", "–":
          clause += 1
          lastVisible = scalar
        case "#":
          if tokens.count == segmentTokenStart { segmentIsHeading = true }
        case "*":
          if tokens.count == segmentTokenStart, index + 1 < scalars.count, scalars[index + 1] == "*" {
            segmentHasBoldStart = true
          }
          lastVisible = scalar
        case " ", "\t":
          break
        default:
          if value >= 0x80 && !scalar.properties.isWhitespace {
            lastVisible = scalar
          } else if value < 0x80 {
            lastVisible = scalar
          }
        }
        index += 1
      }
      endWord()
      endSegment()
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x80
        ? (scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t") : scalar.properties.isWhitespace
    }

    var segmentTokenStart: Int { segments.last.map(\.tokens.upperBound) ?? 0 }

    /// ASCII letters and digits, by code.
    static let asciiWord: [Bool] = (0..<128).map { code in
      (0x61...0x7A).contains(code) || (0x41...0x5A).contains(code) || (0x30...0x39).contains(code)
    }

    @inline(__always)
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      if value < 0x80 { return Self.asciiWord[Int(value)] }
      return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    mutating func endWord() {
      guard wordStart >= 0 else { return }
      let word = wordIsASCII ? String(decoding: wordBytes, as: UTF8.self) : String(wordScalars).lowercased()
      tokens.append(
        Token(
          word: word, id: vocabulary.id(of: word), start: wordStart, end: index, segment: segments.count,
          sentence: sentence, clause: clause))
      wordBytes.removeAll(keepingCapacity: true)
      wordScalars = String.UnicodeScalarView()
      wordIsASCII = true
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
      let limit = min(scalars.count, index + 200)
      while end < limit && scalars[end] != ">" && scalars[end] != "<" { end += 1 }
      guard end < limit, scalars[end] == ">", index + 1 < end else {
        index += 1
        return false
      }
      var name = ""
      var closing = false
      for scalar in scalars[(index + 1)..<end] {
        if scalar == "/" && name.isEmpty {
          closing = true
          continue
        }
        guard isWordScalar(scalar) else { break }
        name.unicodeScalars.append(scalar)
      }
      name = name.lowercased()
      guard !name.isEmpty else {
        index += 1
        return false
      }
      if Self.blockTagNames.contains(name) {
        endSegment()
        if name.count == 2, name.hasPrefix("h"), name != "hr" {
          inHeadingTag = !closing
          segmentIsHeading = !closing
        }
      }
      index = end + 1
      return true
    }

    static let blockTagNames = PostingText.blockTags

    /// Skips an entity such as `&amp;` or `&#8217;`; `false` if it is not one.
    mutating func skipEntity() -> Bool {
      var end = index + 1
      while end < scalars.count && end - index < 10 && (isWordScalar(scalars[end]) || scalars[end] == "#") {
        end += 1
      }
      guard end < scalars.count, scalars[end] == ";", end > index + 1 else { return false }
      index = end + 1
      return true
    }
  }
}
