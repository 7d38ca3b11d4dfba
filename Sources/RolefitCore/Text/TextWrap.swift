/// Word wrapping for plain-text output.
public enum TextWrap {
  /// Wraps `text` to `width` columns, prefixing continuation lines with `indent`.
  public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
    let first = firstIndent ?? indent
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// A count and its noun, singular for one (`1 answer`, `3 answers`); the noun takes an `s`.
  public static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// A percentage with no decimals (`68%`).
  public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
