/// How rendered text is decorated.
///
/// The core renders through this seam; the terminal layer supplies colour, tests and files get plain
/// text.
public protocol TextStyler: Sendable {
  func bold(_ text: String) -> String
  func dim(_ text: String) -> String
  /// Text in the colour the pack gives a role (`Role.color`), a hint the styler may ignore.
  func colored(_ text: String, as color: String?) -> String
  func warning(_ text: String) -> String
}

/// No decoration at all: for pipes, files, `NO_COLOR` and tests.
public struct PlainStyler: TextStyler {
  public init() {}
  public func bold(_ text: String) -> String { text }
  public func dim(_ text: String) -> String { text }
  public func colored(_ text: String, as color: String?) -> String { text }
  public func warning(_ text: String) -> String { text }
}

/// The output formats of reports.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case markdown
  case json
  /// One self-contained page with inline CSS and SVG charts, no script.
  case html
}

extension OutputFormat {
  /// The format a file name asks for: `.md` Markdown, `.json` JSON, `.html` or `.htm` a page, else text.
  public init(path: String) {
    let lower = path.lowercased()
    if lower.hasSuffix(".md") {
      self = .markdown
    } else if lower.hasSuffix(".json") {
      self = .json
    } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
      self = .html
    } else {
      self = .text
    }
  }
}
