/// Text from a posting, a title or a person, made inert inside Markdown.
///
/// Every ASCII punctuation character Markdown gives a meaning to is backslash-escaped, so
/// `[x](javascript:...)` shows as text instead of a link, `<img onerror=...>` as text instead
/// of HTML, and `|` cannot open a table cell; a line break becomes a space, so a title cannot
/// start a heading. Control characters are made visible (`ControlCharacters`).
public enum MarkdownText {
  private static let special: Set<Character> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "<", ">", "#", "+", "-", "!", "|", "~", "&", "=",
  ]

  /// The text escaped for use inline: in a sentence, a heading, a list item or a table cell.
  public static func inline(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in ControlCharacters.visible(text) {
      if character.isNewline {
        result.append(" ")
      } else {
        if special.contains(character) { result.append("\\") }
        result.append(character)
      }
    }
    return result
  }
}
