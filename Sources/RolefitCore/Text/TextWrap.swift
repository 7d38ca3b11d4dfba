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

  /// Wraps one line that carries its own indent (and perhaps a `- ` or `1. ` bullet): the
  /// continuation lines line up under the text, past the bullet.
  public static func hanging(_ line: String, width: Int) -> String {
    let plain = visible(line)
    guard visibleCount(line) > width else { return line }
    let spaces = plain.prefix { $0 == " " }.count
    let rest = plain.dropFirst(spaces)
    var bullet = 0
    if rest.hasPrefix("- ") || rest.hasPrefix("! ") {
      bullet = 2
    } else if let dot = rest.firstIndex(of: ".") {
      let number = rest[rest.startIndex..<dot]
      if (1...3).contains(number.count), number.allSatisfy(\.isNumber), rest[rest.index(after: dot)...].hasPrefix(" ") {
        bullet = number.count + 2
      }
    }
    let pad = String(repeating: " ", count: spaces + bullet)
    // The prefix is kept as written (with its escape codes); only the text after it is wrapped.
    var prefixEnd = line.startIndex
    var seen = 0
    var escaping = false
    while prefixEnd < line.endIndex, seen < spaces + bullet {
      let character = line[prefixEnd]
      if escaping {
        if character.isLetter { escaping = false }
      } else if character == "\u{1B}" {
        escaping = true
      } else {
        seen += 1
      }
      prefixEnd = line.index(after: prefixEnd)
    }
    return wrap(String(line[prefixEnd...]), width: width, indent: pad, firstIndent: String(line[..<prefixEnd]))
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

  /// A percentage with no decimals (`68%`).
  public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
