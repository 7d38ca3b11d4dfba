import Foundation

/// Splits a candidate's text into experience summaries and sentences, with offsets in Unicode
/// scalars into the text as given.
///
/// One summary per program: a Markdown heading starts one (its words are the summary's name);
/// without headings, blank lines separate them, and a block that is one short line with no full
/// stop names the block after it.
public enum NarrativeText {
  /// A summary's place in the text.
  public struct Block: Sendable, Hashable {
    public var name: String?
    /// The body's range in Unicode scalars (the heading excluded).
    public var start: Int
    public var end: Int
  }

  /// A sentence's place in the text, end exclusive, in Unicode scalars.
  public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int
  }

  /// The longest name line that is read as a heading for the next block, in words.
  static let nameWords = 8

  /// The summaries of a text, in order.
  public static func blocks(_ text: String) -> [Block] {
    let scalars = Array(text.unicodeScalars)
    let lines = lineRanges(scalars)
    func trimmed(_ line: Range<Int>) -> String {
      String(String.UnicodeScalarView(scalars[line])).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var blocks: [Block] = []
    let hasHeadings = lines.contains { trimmed($0).hasPrefix("#") }
    var name: String?
    var body: [Range<Int>] = []
    func close() {
      let filled = body.filter { !trimmed($0).isEmpty }
      if let first = filled.first, let last = filled.last {
        blocks.append(Block(name: name, start: first.lowerBound, end: last.upperBound))
        name = nil
      }
      body = []
    }
    for line in lines {
      let words = trimmed(line)
      if hasHeadings {
        if words.hasPrefix("#") {
          close()
          name = String(words.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        } else {
          body.append(line)
        }
        continue
      }
      if words.isEmpty {
        let filled = body.filter { !trimmed($0).isEmpty }
        if filled.count == 1, let only = filled.first, isNameLine(trimmed(only)) {
          name = trimmed(only)
          body = []
        } else {
          close()
        }
      } else {
        body.append(line)
      }
    }
    close()
    return blocks.map { block in
      var block = block
      // Leading and trailing spaces are not the summary's.
      while block.start < block.end && scalars[block.start].properties.isWhitespace { block.start += 1 }
      while block.end > block.start && scalars[block.end - 1].properties.isWhitespace { block.end -= 1 }
      return block
    }
  }

  /// Whether a line reads as a name for the block after it: short, and not a sentence.
  static func isNameLine(_ line: String) -> Bool {
    guard let last = line.last else { return false }
    return line.split(separator: " ").count <= nameWords && !".!?".contains(last)
  }

  /// The sentences of `scalars[range]`: split after `.`, `!` or `?` followed by a space, at blank
  /// lines and before list items; a single line break inside a sentence is a space.
  public static func sentences(_ text: String, in range: Range<Int>) -> [Span] {
    sentences(Array(text.unicodeScalars), in: range)
  }

  /// The sentences of `scalars[range]`, for a caller that holds the text's scalars already.
  static func sentences(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Span] {
    var spans: [Span] = []
    var start = range.lowerBound
    func emit(_ end: Int) {
      var first = start
      var last = end
      while first < last && (scalars[first].properties.isWhitespace || isBullet(scalars, at: first, before: last)) {
        first += 1
      }
      while last > first && scalars[last - 1].properties.isWhitespace { last -= 1 }
      if first < last && scalars[first..<last].contains(where: { $0.properties.isAlphabetic }) {
        spans.append(Span(start: first, end: last))
      }
    }
    var index = range.lowerBound
    while index < range.upperBound {
      let scalar = scalars[index]
      let next = index + 1 < range.upperBound ? scalars[index + 1] : nil
      if ".!?".unicodeScalars.contains(scalar) && (next.map { $0.properties.isWhitespace } ?? true) {
        emit(index + 1)
        start = index + 1
      } else if scalar == "\n" {
        // A blank line, or a next line that starts a list item, ends the sentence.
        var look = index + 1
        while look < range.upperBound && (scalars[look] == " " || scalars[look] == "\t" || scalars[look] == "\r") {
          look += 1
        }
        if look >= range.upperBound || scalars[look] == "\n" || isBullet(scalars, at: look, before: range.upperBound) {
          emit(index)
          start = index + 1
        }
      }
      index += 1
    }
    emit(range.upperBound)
    return spans
  }

  /// Whether a list marker (`-`, `*`, `•`) followed by a space stands at `index`.
  private static func isBullet(_ scalars: [Unicode.Scalar], at index: Int, before end: Int) -> Bool {
    guard index + 1 < end, "-*•".unicodeScalars.contains(scalars[index]) else { return false }
    return scalars[index + 1] == " "
  }

  private static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var start = 0
    for (index, scalar) in scalars.enumerated() where scalar == "\n" {
      lines.append(start..<index)
      start = index + 1
    }
    lines.append(start..<scalars.count)
    return lines
  }
}

/// Lower-case words (and `,` `:` `;` `%` as words of their own) with their offsets, for matching
/// the phrases of `narrative.yaml`.
struct NarrativeWords {
  struct Word {
    var text: String
    var start: Int
    var end: Int
  }

  var words: [Word] = []

  /// The words of `scalars[range]`, British spellings mapped as `jd.yaml` says.
  init(_ scalars: ArraySlice<Unicode.Scalar>, spelling: [String: String]) {
    var current = ""
    var start = 0
    var index = scalars.startIndex
    func flush(_ end: Int) {
      guard !current.isEmpty else { return }
      let word = current.lowercased()
      words.append(Word(text: spelling[word] ?? word, start: start, end: end))
      current = ""
    }
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let joins =
        (scalar == "-" || scalar == "'" || scalar == "\u{2019}") && !current.isEmpty && index + 1 < scalars.endIndex
        && scalars[index + 1].properties.isAlphabetic
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || joins {
        if current.isEmpty { start = index }
        current.unicodeScalars.append(scalar == "\u{2019}" ? "'" : scalar)
      } else {
        flush(index)
        if ",:;%".unicodeScalars.contains(scalar) {
          words.append(Word(text: String(scalar), start: index, end: index + 1))
        }
      }
      index += 1
    }
    flush(scalars.endIndex)
  }

  /// A phrase's words the same way (`*` kept as a wildcard).
  static func phrase(_ phrase: String, spelling: [String: String]) -> [String] {
    let marked = phrase.split(separator: " ").map { $0 == "*" ? wildcardMark : String($0) }.joined(separator: " ")
    return NarrativeWords(Array(marked.unicodeScalars)[...], spelling: spelling).words.map {
      $0.text == wildcardMark ? "*" : $0.text
    }
  }

  /// Stands for `*` while a phrase is split into words.
  private static let wildcardMark = "xwildcardx"

  /// Every place a phrase's words occur, as word ranges.
  func matches(_ phrase: [String]) -> [Range<Int>] {
    guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
    var found: [Range<Int>] = []
    for start in 0...(words.count - phrase.count) {
      var matched = true
      for (offset, word) in phrase.enumerated() where word != "*" && words[start + offset].text != word {
        matched = false
        break
      }
      if matched { found.append(start..<(start + phrase.count)) }
    }
    return found
  }
}
