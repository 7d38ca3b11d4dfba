/// A piece of an HTML (or inline SVG) page, escaped by construction.
///
/// Element and attribute names are `StaticString`s, so only rolefit's own code names them; every
/// text and attribute value is a `String` that `render` escapes (`&`, `<`, `>`, `"`, `'`) after
/// making control characters visible. Posting, answer, participant and note text can therefore
/// only ever be shown as text: `<script>`, `"><img onerror=...>`, `</style>` and `]]>` included.
/// The one unescaped piece is the style sheet, which is itself a `StaticString`.
public struct HTMLNode: Sendable {
  enum Kind: Sendable {
    case element(StaticString, [(key: StaticString, value: String)], [HTMLNode])
    case text(String)
    case group([HTMLNode])
    case styleSheet(StaticString)
  }
  let kind: Kind

  /// An element with attributes and children.
  public static func element(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], _ children: [HTMLNode] = []
  ) -> HTMLNode {
    HTMLNode(kind: .element(name, Array(attributes), children))
  }

  /// An element holding only text.
  public static func element(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String
  ) -> HTMLNode {
    HTMLNode(kind: .element(name, Array(attributes), [.text(text)]))
  }

  /// Text, escaped when written.
  public static func text(_ text: String) -> HTMLNode { HTMLNode(kind: .text(text)) }

  /// Several nodes in a row with no element around them.
  public static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(kind: .group(nodes)) }

  /// A `<style>` element; its rules come from rolefit's code, never from data.
  static func styleSheet(_ css: StaticString) -> HTMLNode { HTMLNode(kind: .styleSheet(css)) }

  /// Elements written without a closing tag.
  private static let void: Set<String> = ["meta", "br", "hr", "img", "link"]

  /// The node as markup.
  public func render() -> String {
    var out = ""
    render(into: &out)
    return out
  }

  func render(into out: inout String) {
    switch kind {
    case .text(let text): Self.escape(text, into: &out)
    case .group(let nodes): for node in nodes { node.render(into: &out) }
    case .styleSheet(let css):
      out += "<style>"
      out += css.description
      out += "</style>"
    case .element(let name, let attributes, let children):
      let tag = name.description
      out += "<" + tag
      for (key, value) in attributes {
        out += " " + key.description + "=\""
        Self.escape(value, into: &out)
        out += "\""
      }
      out += ">"
      if Self.void.contains(tag) { return }
      for child in children { child.render(into: &out) }
      out += "</" + tag + ">"
    }
  }

  /// Text made safe inside an element or a quoted attribute value: the one escaper every HTML
  /// rolefit writes goes through (the reports here, the workshop's web pages in RolefitWeb).
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    escape(text, into: &out)
    return out
  }

  /// Text made safe inside an element or a quoted attribute value.
  static func escape(_ text: String, into out: inout String) {
    for scalar in ControlCharacters.visible(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
  }
}
