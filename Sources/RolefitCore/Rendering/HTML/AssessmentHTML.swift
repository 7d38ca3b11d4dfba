/// An assessment document as one HTML page: the verdict, the role shares and each area as
/// charts, the answers that decided it with their sources, what would change it, and the
/// learning path as a timeline with dates.
public struct AssessmentHTML: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  func style(_ role: String) -> String { HTMLPage.colorClass(pack.assessedRole(role)?.color) }

  /// The page, walking the document and nothing else.
  ///
  /// A saved session adds whose it is (`person`) and, when it is unfinished, a line saying so (`status`).
  public func render(_ document: AssessmentDocument, person: String? = nil, status: String? = nil) -> String {
    var body: [HTMLNode] = []
    if let status { body.append(.element("p", ["class": "warning"], text: status)) }
    for warning in document.warnings {
      body.append(.element("p", ["class": "warning"], text: "Warning: \(warning.message)"))
    }
    let summary = document.summary
    body.append(.element("p", ["class": "verdict"], text: summary.sentence))
    body.append(.element("p", text: "\(summary.label) \(summary.headline). \(summary.confidence)"))
    if let next = summary.next { body.append(.element("p", ["class": "next"], text: next)) }
    body.append(.element("h2", text: "Role shares"))
    body.append(
      SVGChart.bars(
        document.roles.map {
          .init(label: $0.name, value: $0.share, caption: TextWrap.percent($0.share), style: style($0.id))
        }, title: "Share of the answers for each role"))
    body.append(.element("ul", [:], summary.figures.map { .element("li", text: $0) }))
    body += areas(document)
    body += evidence(document)
    body += changes(document)
    body += path(document)
    let whose = person.map { " (\($0))" } ?? ""
    return HTMLPage(
      title: "rolefit assessment\(whose)",
      content: "Content: \(document.pack.name) \(document.pack.version), facts checked \(document.pack.asOf)",
      date: document.date, body: body,
      howToRead:
        "The verdict names the role whose work your answers describe most. The shares say how much of your answers"
        + " speaks for each role; each area's bar sets the two leading roles against each other, each side named"
        + " with its share. Stability is how often resampling your answers gives the same verdict. The path's"
        + " dates count from the day this was made."
    ).render()
  }

  /// The two roles each area's bar sets against each other: the two leading ones overall.
  func pair(_ document: AssessmentDocument) -> (AssessmentDocument.RoleShare, AssessmentDocument.RoleShare)? {
    let ranked = document.roles.enumerated().sorted {
      $0.element.share > $1.element.share || ($0.element.share == $1.element.share && $0.offset < $1.offset)
    }.prefix(2).sorted { $0.offset < $1.offset }.map(\.element)
    return ranked.count == 2 ? (ranked[0], ranked[1]) : nil
  }

  func areas(_ document: AssessmentDocument) -> [HTMLNode] {
    guard let (left, right) = pair(document), !document.areas.isEmpty else { return [] }
    return [.element("h2", text: "By area")]
      + document.areas.map { area in
        SVGChart.split(
          left: (left.short, area.scores[left.id] ?? 0, style(left.id)),
          right: (right.short, area.scores[right.id] ?? 0, style(right.id)), label: area.name,
          detail: "\(area.answered)/\(area.total)")
      }
  }

  func evidence(_ document: AssessmentDocument) -> [HTMLNode] {
    guard !document.evidence.isEmpty else { return [] }
    let rows = document.evidence.map { item in
      HTMLNode.element(
        "tr", [:],
        [
          .element("td", text: item.text), .element("td", text: "“\(item.answer)”"),
          .element("td", text: item.towardsName),
          .element(
            "td", [:],
            item.claims.map { claim in
              .element("p", [:], [.text(claim.text + " "), .element("cite", text: "(\(claim.sourceTitle))")])
            }),
        ])
    }
    return [
      .element("h2", text: "Why: the answers that moved it most"),
      .element(
        "table", [:],
        [
          .element(
            "tr", [:],
            [
              .element("th", text: "Question"), .element("th", text: "Your answer"), .element("th", text: "Points to"),
              .element("th", text: "Source"),
            ])
        ] + rows),
    ]
  }

  func changes(_ document: AssessmentDocument) -> [HTMLNode] {
    guard !document.whatWouldChangeIt.isEmpty else { return [] }
    return [.element("h2", text: "What would change it")]
      + document.whatWouldChangeIt.map { edge in
        .element(
          "div", ["class": "item"],
          [
            .element("p", text: edge.sentence),
            .element(
              "ul", [:],
              edge.changes.map { .element("li", text: "\($0.questionText) “\($0.fromText)” → “\($0.toText)”") }),
          ])
      }
  }

  func path(_ document: AssessmentDocument) -> [HTMLNode] {
    guard let path = document.path else { return [] }
    let start = CalendarDate(document.date) ?? DocumentDate.today()
    // Credentials and topics in the path's order; a credential is dated by when it opens.
    var rows: [(position: Int, date: String, title: String, status: String, why: String)] = []
    for step in document.learningPath {
      let date: String
      switch Eligibility.Status(rawValue: step.status) {
      case .held: date = "held"
      case .eligible: date = "now, \(DocumentDate.month(0, after: start))"
      case .eligibleIn:
        date =
          "\(step.openWithTraining == true ? "once trained, " : "")from \(DocumentDate.month(step.months ?? 0, after: start))"
      case .notEligible, nil:
        date =
          step.openWithTraining == true ? "once trained, from \(DocumentDate.month(0, after: start))" : "no date yet"
      }
      rows.append((step.position, date, step.title, step.statusText, step.why))
    }
    for topic in document.learningTopics {
      rows.append((topic.position, "from \(DocumentDate.month(0, after: start))", topic.topic, "", topic.why))
    }
    rows.sort { $0.position < $1.position }
    var nodes: [HTMLNode] = [.element("h2", text: "Learning path: \(path.title)")]
    if !path.summary.isEmpty { nodes.append(.element("p", text: path.summary)) }
    if !path.done.isEmpty {
      nodes.append(.element("p", text: "Already behind you: " + path.done.joined(separator: "; ") + "."))
    }
    nodes.append(
      SVGChart.timeline(rows.map { ($0.date, $0.title) }, title: "Learning path from \(document.date)"))
    nodes.append(
      HTMLPage.table(["When", "Step", "Status", "Why here"], rows.map { [$0.date, $0.title, $0.status, $0.why] }))
    if !path.alternatives.isEmpty {
      nodes.append(.element("p", text: "Other paths: " + path.alternatives.joined(separator: "; ") + "."))
    }
    return nodes
  }
}
