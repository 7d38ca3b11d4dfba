import RolefitCore

/// A piece of HTML, safe by construction: literal text is markup, every interpolated `String` is
/// escaped, and only another `HTML` value is inserted as it is.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
  private(set) var text: String

  init(stringLiteral value: String) { text = value }

  init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

  /// Several pieces one after another.
  init(joining pieces: [HTML]) { text = pieces.map(\.text).joined() }

  struct StringInterpolation: StringInterpolationProtocol {
    var text = ""

    init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

    mutating func appendLiteral(_ literal: String) { text += literal }

    /// Text: escaped.
    mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }

    /// A number.
    mutating func appendInterpolation(_ value: Int) { text += String(value) }

    /// Markup already built.
    mutating func appendInterpolation(_ value: HTML) { text += value.text }

    /// Markup already built, one piece after another.
    mutating func appendInterpolation(_ values: [HTML]) { text += values.map(\.text).joined() }
  }

  /// Text made safe for element content and quoted attribute values, by the core's one escaper
  /// (control characters made visible, as in the terminal and the reports).
  static func escape(_ value: String) -> String { HTMLNode.escaped(value) }
}
