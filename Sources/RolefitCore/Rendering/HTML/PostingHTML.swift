/// A posting's reading as one HTML page: the verdict, the shares as a chart, the posting with
/// each counted phrase marked by role (named in text as well as colour) and a legend, what
/// decided it and the recommendations as tables with their sources named by title.
public struct PostingHTML: Sendable {
  let words: PostingRenderer

  public init(pack: ContentPack) { words = PostingRenderer(pack: pack) }

  var pack: ContentPack { words.pack }

  /// A role's one-word label, as the marks carry it: the pack's short name, else the name.
  func label(_ role: String) -> String {
    pack.role(role)?.short ?? pack.assessedRole(role)?.short ?? words.name(role).lowercased()
  }

  func style(_ role: String) -> String {
    HTMLPage.colorClass(pack.role(role)?.color ?? (role == JobDescriptionAnalyzer.otherID ? nil : "yellow"))
  }

  /// The source of a lexicon claim by the title of its article.
  func source(_ claimID: String?) -> String {
    guard let claimID, let claim = pack.claim(claimID) else { return "" }
    return "\(claim.text) (\(pack.source(claim.source)?.title ?? claim.source))"
  }

  public func render(_ analysis: PostingAnalysis) -> String {
    let document = PostingDocument(analysis)
    var body: [HTMLNode] = [
      .element("p", ["class": "verdict"], text: "\(document.id): \(words.verdict(analysis))"),
      .element("p", text: "Confidence \(TextWrap.percent(document.fit.confidence))"),
    ]
    if let stated = document.title.stated {
      let implied =
        document.title.dual == true
        ? "two roles at once, so neither"
        : document.title.impliedRole.map { words.name($0).lowercased() } ?? "no role rolefit knows"
      body.append(
        .element(
          "p", text: "Title: “\(stated)” → \(implied)" + (document.title.mismatch ? " (does not match the duties)" : "")
        ))
    }
    for warning in document.warnings { body.append(.element("p", ["class": "warning"], text: warning)) }
    body.append(.element("h2", text: "Shares"))
    body.append(
      SVGChart.bars(
        analysis.scores.map {
          .init(label: words.name($0.role), value: $0.share, caption: TextWrap.percent($0.share), style: style($0.role))
        }, title: "What the duties describe, by role"))
    body.append(.element("h2", text: "The posting"))
    body.append(legend(analysis))
    body.append(highlighted(analysis))
    let deciding = document.deciding.filter { document.evidence.indices.contains($0) }
    if !deciding.isEmpty {
      body.append(.element("h2", text: "What decided it"))
      body.append(
        HTMLPage.table(
          ["Phrase in its sentence", "Counts for", "Why", "Source"],
          deciding.map { index in
            let item = analysis.evidence[index]
            return [
              "“\(words.context(of: item, in: analysis.text))”", words.shares(of: item), item.reason,
              source(item.claim),
            ]
          }))
    }
    if !document.recommendations.isEmpty {
      body.append(.element("h2", text: "Recommendations"))
      body.append(
        HTMLPage.table(
          ["", "What", "Fix"], document.recommendations.map { [$0.severity, $0.message, $0.fix] }))
    }
    if document.evidence.count > deciding.count {
      body.append(.element("h2", text: "Every phrase counted"))
      body.append(
        HTMLPage.table(
          ["Phrase", "Role", "Weight", "Why", "Source"],
          analysis.evidence.map {
            [$0.phrase, words.name($0.role), String(JSONOutput.round($0.weight)), $0.reason, source($0.claim)]
          }))
    }
    return HTMLPage(
      title: "rolefit posting reading: \(document.id)",
      content: "Content: \(pack.name) \(pack.version), facts checked \(pack.asOf)",
      date: DocumentDate.today().description, body: body,
      howToRead:
        "The verdict is the role the posting's duties describe, whatever its title says. Each marked phrase counted"
        + " for the role named after it; the shares weigh them all. Recommendations say what to fix in the posting."
    ).render()
  }

  /// Which mark is which role: a swatch and the role's short name, as each mark carries it.
  func legend(_ analysis: PostingAnalysis) -> HTMLNode {
    let roles = analysis.evidence.map(\.role).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    return .element(
      "p", ["class": "legend"],
      [.text("Marked phrases: ")]
        + roles.map { role in
          .element(
            "span", [:],
            [.element("span", ["class": "swatch \(style(role))"]), .text("\(label(role)) = \(words.name(role))")])
        })
  }

  /// The posting's text with each counted phrase marked and named by its role.
  func highlighted(_ analysis: PostingAnalysis) -> HTMLNode {
    let scalars = Array(analysis.text.unicodeScalars)
    var nodes: [HTMLNode] = []
    var position = 0
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
    for item in analysis.evidence.sorted(by: { $0.start < $1.start })
    where item.start >= position && item.end <= scalars.count {
      nodes.append(.text(text(position..<item.start)))
      nodes.append(
        .element(
          "mark", ["class": style(item.role), "title": "\(words.name(item.role)): \(item.reason)"],
          [.text(text(item.start..<item.end)), .element("sub", text: label(item.role))]))
      position = item.end
    }
    nodes.append(.text(text(position..<scalars.count)))
    return .element("div", ["class": "posting"], nodes)
  }
}
