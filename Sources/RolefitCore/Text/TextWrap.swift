/// Word wrapping for plain-text output.
public enum TextWrap {
  /// Wraps `text` to `width` columns, prefixing continuation lines with `indent`.
  public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
    let first = firstIndent ?? indent
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    var columns = visibleCount(first)
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordColumns = visibleCount(word)
      if lineHasWord && columns + 1 + wordColumns > width {
        lines.append(line)
        line = indent
        columns = visibleCount(indent)
        lineHasWord = false
      }
      columns += (lineHasWord ? 1 : 0) + wordColumns
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// Wraps one line that carries its own layout, keeping that layout on the lines it adds.
  ///
  /// The layout is the line's indent, a `- ` or `1. ` bullet, or columns set apart by two or more
  /// spaces (a menu, a help list). Continuation lines line up under the text: past the bullet, or
  /// under the last column when it starts in the line's first half. Spacing inside the line is
  /// kept as written; escape codes are kept and take no columns.
  public static func hanging(_ line: String, width: Int) -> String {
    guard visibleCount(line) > width else { return line }
    let pad = continuationIndent(visible(line), width: width)
    // Words and the runs of spaces between them, verbatim.
    var tokens: [(space: Bool, text: Substring)] = []
    var start = line.startIndex
    while start < line.endIndex {
      let space = line[start] == " "
      var end = line.index(after: start)
      while end < line.endIndex, (line[end] == " ") == space { end = line.index(after: end) }
      tokens.append((space, line[start..<end]))
      start = end
    }
    var lines: [String] = []
    var current = ""
    var columns = 0
    var hasWord = false
    var pending: Substring = ""
    for token in tokens {
      if token.space {
        pending = token.text
        continue
      }
      let words = visibleCount(token.text)
      if hasWord && columns + pending.count + words > width {
        lines.append(current)
        current = String(repeating: " ", count: pad)
        columns = pad
        pending = ""
      }
      current += pending + token.text
      columns += pending.count + words
      pending = ""
      hasWord = true
    }
    lines.append(current + pending)
    return lines.joined(separator: "\n")
  }

  /// Where a wrapped line's continuation starts, in columns.
  static func continuationIndent(_ plain: String, width: Int) -> Int {
    let characters = Array(plain)
    let spaces = characters.prefix { $0 == " " }.count
    let rest = characters.dropFirst(spaces)
    var indent = spaces
    if rest.starts(with: ["-", " "]) || rest.starts(with: ["!", " "]) || rest.starts(with: ["·", " "]) {
      indent = spaces + 2
    } else if let dot = rest.firstIndex(of: "."), (1...3).contains(dot - spaces),
      rest[spaces..<dot].allSatisfy(\.isNumber), dot + 1 < characters.count, characters[dot + 1] == " "
    {
      indent = dot + 2
    }
    // A column set apart by two or more spaces after some text: continue under its start.
    var index = indent
    var column: Int?
    while index < characters.count - 2 {
      if characters[index] == " ", characters[index + 1] == " ", index > indent {
        var end = index
        while end < characters.count, characters[end] == " " { end += 1 }
        if end < characters.count, end <= width / 2 { column = end }
        index = end
      } else {
        index += 1
      }
    }
    return column ?? indent
  }

  /// Wraps every line of a text with `hanging(_:width:)`.
  public static func fit(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { hanging(String($0), width: width) }
      .joined(separator: "\n")
  }

  /// The text without its terminal escape sequences (colour and weight codes).
  public static func visible<S: StringProtocol>(_ text: S) -> String {
    var out = ""
    var escaping = false
    for character in text {
      if escaping {
        if character.isLetter { escaping = false }
      } else if character == "\u{1B}" {
        escaping = true
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// The columns a text takes on a terminal: escape sequences take none.
  public static func visibleCount<S: StringProtocol>(_ text: S) -> Int {
    text.contains("\u{1B}") ? visible(text).count : text.count
  }

  /// A count and its noun, singular for one (`1 answer`, `3 answers`); the noun takes an `s`.
  public static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// Items joined as a sentence lists them: `a`, `a and b`, `a, b and c`.
  public static func list(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  /// A percentage with no decimals (`68%`).
  public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
