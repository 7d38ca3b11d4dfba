/// A workshop record as one HTML page: the header, time spent per section against its
/// timebox, and per item the question and its options in words, the votes of each round as a
/// chart, the outcome, the teaching note with its sources, and the notes.
public struct WorkshopHTML: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  public func render(_ document: WorkshopDocument) -> String {
    var body: [HTMLNode] = [
      .element(
        "p", ["class": "verdict"],
        text: "\(document.agenda.title) · \(document.date) · \(document.agenda.minutes) minutes"),
      .element("p", text: "Audience: \(document.agenda.audience)"),
    ]
    if let facilitator = document.facilitator { body.append(.element("p", text: "Facilitator: \(facilitator)")) }
    body += [
      .element("p", text: "Participants: " + document.participants.map(\.name).joined(separator: ", ")),
      .element("h2", text: "Time per section"),
      SVGChart.bars(
        document.sections.map { section in
          let spent = section.spentMinutes ?? 0
          let caption =
            section.spentMinutes.map { "\($0) of \(section.minutes) min" }
            ?? (section.started == nil ? "not reached" : "open at end")
          return .init(
            label: section.title, value: Double(spent) / Double(max(1, max(spent, section.minutes))),
            caption: caption, style: spent > section.minutes ? "c-red" : "c-blue")
        }, title: "Minutes spent against each section's timebox"),
      HTMLPage.table(
        ["Section", "Timebox", "Time spent"],
        document.sections.map { [$0.title, "\($0.minutes) min", WorkshopReport.timing($0)] }),
    ]
    body.append(.element("h2", text: "Items"))
    for item in document.items { body.append(self.item(item)) }
    if !document.closingNotes.isEmpty {
      body.append(.element("h2", text: "Closing notes"))
      body.append(.element("ul", [:], document.closingNotes.map { .element("li", text: $0) }))
    }
    body.append(.element("h2", text: "Participants"))
    body.append(
      HTMLPage.table(
        ["Participant", "Fit (from their own assessment)", "Confidence", "Learning path"],
        document.participants.map { person in
          let missing = person.missing.isEmpty ? "" : "; still to do: " + person.missing.joined(separator: ", ")
          return [
            person.name, person.fit ?? "no assessment imported", person.confidence.map(TextWrap.percent) ?? "–",
            person.path.map { $0 + missing } ?? "–",
          ]
        }))
    body.append(.element("h2", text: "Learning needs of the group"))
    if document.needs.isEmpty {
      body.append(
        .element("p", text: "None computed: learning needs come only from assessments participants import."))
    } else {
      body.append(
        HTMLPage.table(
          ["Need", "Imported assessments that still need it"],
          document.needs.map { [$0.name, "\($0.participants) of \($0.of)"] }))
    }
    return HTMLPage(
      title: "Workshop report: \(document.name)",
      content: "Content: \(pack.name) \(document.pack.version), facts checked \(pack.asOf)", date: document.date,
      body: body,
      howToRead:
        "Each item shows the options in words and how many people chose each, round by round. Disagreement is 0%"
        + " when everyone chose the same and 100% when votes were spread evenly; “converged” means a revote brought"
        + " the group under the agenda's threshold. A participant's fit comes only from an assessment they imported."
    ).render()
  }

  func item(_ item: WorkshopDocument.Item) -> HTMLNode {
    var nodes: [HTMLNode] = [
      .element("h3", text: "\(item.number). \(item.text)"),
      .element(
        "p", ["class": "muted"],
        text: "\(item.section) · \(item.kind)"
          + (item.engineReading.map { " · rolefit reads the posting as: \($0)" } ?? "")),
      .element(
        "ul", ["class": "options"],
        item.options.map { .element("li", [:], [.element("strong", text: "\($0.id): "), .text($0.text)]) }),
    ]
    let total = item.rounds.map { $0.counts.values.reduce(0, +) }.max() ?? 0
    for round in item.rounds {
      nodes.append(
        .element(
          "p", ["class": "muted"],
          text: "Round \(round.round) · disagreement \(TextWrap.percent(round.disagreement))"))
      nodes.append(
        SVGChart.bars(
          item.options.map { option in
            let count = round.counts[option.id] ?? 0
            return .init(
              label: "\(option.id): \(option.text)",
              value: Double(count) / Double(max(1, total)), caption: TextWrap.count(count, "vote"), style: "c-blue")
          }, title: "Votes in round \(round.round)"))
    }
    if item.rounds.isEmpty { nodes.append(.element("p", text: "Not voted on.")) }
    if let sentence = WorkshopReport.outcomeSentence(item) { nodes.append(.element("p", text: sentence)) }
    if !item.teachingNote.isEmpty {
      nodes.append(
        .element(
          "p", [:],
          [.element("strong", text: "Teaching note: "), .text(item.teachingNote)]
            + (item.sources.isEmpty
              ? [] : [.text(" "), .element("cite", text: "(\(item.sources.joined(separator: "; ")))")])))
    }
    if !item.notes.isEmpty {
      nodes.append(.element("ul", [:], item.notes.map { .element("li", text: "Note: \($0)") }))
    }
    return .element("div", ["class": "item"], nodes)
  }
}
