/// The one sanitiser for text that reaches a terminal or a text file.
///
/// A posting, a title, a name, a note or a file name may hold escape sequences: OSC 0 retitles
/// the window, OSC 52 writes the clipboard, CSI 2J clears the screen. Every text path (terminal,
/// text, Markdown and CSV output, error messages, prompts) passes through `visible(_:)`, which
/// shows each C0 control but newline and tab, DEL, ESC and each C1 control as a visible
/// character and so never sends one to the terminal. JSON escapes them itself.
public enum ControlCharacters {
  /// The SGR parameters rolefit's own styling uses (reset, bold, dim, normal, the eight
  /// foreground colours, default colour); `visible(_:keepingStyles:)` keeps only those.
  private static let styleParameters: Set<Int> = [0, 1, 2, 22, 30, 31, 32, 33, 34, 35, 36, 37, 39]

  /// Whether the text has nothing to change: the common case, checked byte by byte.
  public static func isClean(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var previous: UInt8 = 0
      for byte in bytes {
        if byte < 0x20 && byte != 0x0A && byte != 0x09 { return false }
        if byte == 0x7F { return false }
        // U+0080-U+009F are encoded C2 80 - C2 9F.
        if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return false }
        previous = byte
      }
      return true
    }
  }

  /// The text with every control character a terminal could act on made visible.
  ///
  /// C0 controls become their Unicode control pictures (ESC shows as `␛`, a lone CR as `␍`),
  /// DEL as `␡`, C1 controls as `�`; a CR right before a newline (a Windows line end) is
  /// dropped. With `keepingStyles`, the colour and weight sequences rolefit's own styler writes
  /// (SGR with the parameters in `styleParameters`) are kept, and nothing else.
  public static func visible(_ text: String, keepingStyles: Bool = false) -> String {
    if isClean(text) { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let value = scalar.value
      if keepingStyles, value == 0x1B, let end = styleSequenceEnd(scalars, from: index) {
        result.append(contentsOf: scalars[index..<end])
        index = end
        continue
      }
      switch value {
      case 0x0A, 0x09:
        result.append(scalar)
      case 0x0D where index + 1 < scalars.count && scalars[index + 1] == "\n":
        break
      case 0x00..<0x20:
        result.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
      case 0x7F:
        result.append("\u{2421}")
      case 0x80...0x9F:
        result.append("\u{FFFD}")
      default:
        result.append(scalar)
      }
      index += 1
    }
    return String(result)
  }

  /// The end of an SGR sequence at `start` whose parameters are all rolefit's own, if it is one.
  private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var index = start + 2
    var parameter = ""
    while index < scalars.count, index - start < 24 {
      let scalar = scalars[index]
      if scalar == ";" || scalar == "m" {
        guard let number = Int(parameter.isEmpty ? "0" : parameter), styleParameters.contains(number) else {
          return nil
        }
        if scalar == "m" { return index + 1 }
        parameter = ""
      } else if ("0"..."9").contains(scalar) {
        parameter.unicodeScalars.append(scalar)
      } else {
        return nil
      }
      index += 1
    }
    return nil
  }
}
