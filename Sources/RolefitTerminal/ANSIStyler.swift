import Rainbow
import RolefitCore

/// Colour and weight for a terminal, through Rainbow.
public struct ANSIStyler: TextStyler {
  public init() {}

  public func bold(_ text: String) -> String { text.bold }
  public func dim(_ text: String) -> String { text.dim }
  public func warning(_ text: String) -> String { text.yellow }

  public func colored(_ text: String, as color: String?) -> String {
    switch color?.lowercased() {
    case "red": return text.red
    case "green": return text.green
    case "yellow": return text.yellow
    case "blue": return text.blue
    case "magenta": return text.magenta
    case "cyan": return text.cyan
    case "white": return text.white
    default: return text
    }
  }
}
