/// A posting's reading as one HTML page: the verdict, the shares as a chart, what decided it and
/// the recommendations as tables with their sources named by title, then the posting with each
/// counted phrase marked by role (named in text as well as colour) and a legend.
public struct PostingHTML: Sendable {
  let words: PostingRenderer

  public init(pack: ContentPack) { words = PostingRenderer(pack: pack) }

  var pack: ContentPack { words.pack }

  public func render(_ analysis: PostingAnalysis) -> String { render(PostingReading(analysis, words: words)) }

  /// The page, walking the reading and nothing else.
  public func render(_ reading: PostingReading) -> String {
    let document = reading.document
    var body: [HTMLNode] = [
      .element("p", ["class": "verdict"], text: "\(document.id): \(reading.verdict)"),
      .element("p", text: "Confidence \(TextWrap.percent(reading.confidence))\(reading.confidenceSubject)"),
    ]
    if let stated = document.title.stated {
      let implied =
        document.title.dual == true
        ? "two roles at once, so neither" : reading.impliedRoleName?.lowercased() ?? "no role rolefit knows"
      body.append(
        .element(
          "p", text: "Title: “\(stated)” → \(implied)" + (document.title.mismatch ? " (does not match the duties)" : "")
        ))
    }
    for warning in document.warnings { body.append(.element("p", ["class": "warning"], text: warning)) }
    body.append(.element("h2", text: "Shares"))
    body.append(
      SVGChart.bars(
        reading.shares.map {
          .init(
            label: $0.name, value: $0.share, caption: TextWrap.percent($0.share),
            style: HTMLPage.colorClass($0.color))
        }, title: "What the duties describe, by role"))
    // What a hiring manager reads first: what decided it and the fixes, then the posting marked.
    let deciding = reading.deciding
    if !deciding.isEmpty || reading.titlePull != nil {
      body.append(.element("h2", text: reading.decidingHeading))
      var rows: [[[HTMLNode]]] = deciding.map { item in
        [
          [
            .text("“" + item.context.before), .element("strong", text: item.context.phrase),
            .text(item.context.after + "”"),
          ],
          [.text(item.phrase.counts)], [.text(item.phrase.reason)], [.text(item.phrase.source)],
        ]
      }
      if let pull = reading.titlePull {
        rows.append([
          [.text("The title “"), .element("strong", text: pull.title), .text("”")], [.text(pull.role)],
          [.text(PostingReading.titlePullReason)], [],
        ])
      }
      body.append(HTMLPage.table(["Phrase in its sentence", "Counts for", "Why", "Source"], rows))
    }
    if !document.recommendations.isEmpty {
      body.append(.element("h2", text: "Recommendations"))
      body.append(
        HTMLPage.table(["", "What", "Fix"], document.recommendations.map { [$0.severity, $0.message, $0.fix] }))
    }
    body.append(.element("h2", text: "The posting"))
    body.append(legend(reading))
    body.append(highlighted(reading))
    if reading.phrases.count > deciding.count {
      body.append(.element("h2", text: "Every phrase counted"))
      body.append(
        HTMLPage.table(
          ["Phrase", "Role", "Weight", "Why", "Source"],
          reading.phrases.map { [$0.phrase, $0.roleName, String(JSONOutput.round($0.weight)), $0.reason, $0.source] }))
    }
    if !reading.notCounted.isEmpty {
      body.append(
        .element(
          "p", [:], [.element("strong", text: "Not counted: "), .text(reading.notCounted.joined(separator: ", "))]))
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

  /// Which mark is which role: a swatch and the role's label, as each mark carries it.
  func legend(_ reading: PostingReading) -> HTMLNode {
    var seen: Set<String> = []
    let roles = reading.phrases.filter { seen.insert($0.role).inserted }
    return .element(
      "p", ["class": "legend"],
      [.text("Marked phrases: ")]
        + roles.map { phrase in
          .element(
            "span", [:],
            [
              .element("span", ["class": "swatch \(HTMLPage.colorClass(phrase.color))"]),
              .text("\(phrase.label) = \(phrase.roleName)"),
            ])
        })
  }

  /// The posting's text with each counted phrase marked and named by its role.
  func highlighted(_ reading: PostingReading) -> HTMLNode {
    let scalars = Array(reading.text.unicodeScalars)
    var nodes: [HTMLNode] = []
    var position = 0
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
    for item in reading.phrases.sorted(by: { $0.start < $1.start })
    where item.start >= position && item.end <= scalars.count {
      nodes.append(.text(text(position..<item.start)))
      nodes.append(
        .element(
          "mark", ["class": HTMLPage.colorClass(item.color), "title": "\(item.roleName): \(item.reason)"],
          [.text(text(item.start..<item.end)), .element("sub", text: item.label)]))
      position = item.end
    }
    nodes.append(.text(text(position..<scalars.count)))
    return .element("div", ["class": "posting"], nodes)
  }
}
