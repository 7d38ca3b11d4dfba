import Foundation

/// The record a trainer sends after a session, in Markdown (also the text form), JSON or HTML:
/// each walks one `WorkshopDocument`.
///
/// Reads well without rolefit: options are given in words, titles are whole, and no id of the
/// content pack is shown.
public struct WorkshopReport: Sendable {
  public let document: WorkshopDocument
  let pack: ContentPack

  public init(session: WorkshopSession, pack: ContentPack) {
    self.pack = pack
    document = WorkshopDocument(session: session, pack: pack)
  }

  /// The report in a format; text is the Markdown, which reads as plain text.
  public func render(as format: OutputFormat) -> String {
    switch format {
    case .text, .markdown: return markdown()
    case .json: return json()
    case .html: return WorkshopHTML(pack: pack).render(document)
    }
  }

  public func json() -> String { JSONOutput.encode(document) }

  /// A round's votes in words: `a (Keeping one project's schedule...) 2, b (...) 1`.
  static func counts(_ round: WorkshopDocument.Round, options: [WorkshopDocument.Option]) -> String {
    options.map { "\($0.id) \(round.counts[$0.id] ?? 0)" }.joined(separator: ", ")
  }

  /// What an outcome says in a sentence.
  static func outcomeSentence(_ item: WorkshopDocument.Item) -> String? {
    switch item.outcome {
    case "converged": return "Converged: the revote brought the group together."
    case "agreed": return "Under the agenda's discussion threshold in the first round; no revote needed."
    case "split": return item.rounds.count > 1 ? "Still split after the revote." : "Split; not revoted."
    default: return nil
    }
  }

  /// Minutes spent against the timebox: `12 of 10 min`, or `not timed`.
  static func timing(_ section: WorkshopDocument.Section) -> String {
    guard section.started != nil else { return "not reached" }
    guard let spent = section.spentMinutes else { return "started; still open at the end" }
    return "\(spent) of \(section.minutes) min" + (spent > section.minutes ? " (over)" : "")
  }

  public func markdown() -> String {
    let document = document
    var out = ["# Workshop report: \(MarkdownText.inline(document.name))", ""]
    out.append(
      "**Agenda:** \(document.agenda.title) (\(document.agenda.minutes) minutes) · **Date:** \(document.date) · **Audience:** \(document.agenda.audience)"
        + (document.facilitator.map { " · **Facilitator:** \(MarkdownText.inline($0))" } ?? ""))
    out.append("")
    out.append(
      "**Participants:** \(document.participants.map { MarkdownText.inline($0.name) }.joined(separator: ", ")) · **Content:** \(pack.name) \(document.pack.version)"
    )
    out += ["", "## Agenda and timing", "", "| Section | Timebox | Time spent |", "| --- | ---: | --- |"]
    for section in document.sections {
      out.append("| \(section.title) | \(section.minutes) min | \(Self.timing(section)) |")
    }
    let voted = document.items.filter { !$0.rounds.isEmpty }
    out += ["", "## Where the group disagreed most", ""]
    if voted.isEmpty { out.append("No votes were recorded.") }
    for item in voted.sorted(by: {
      ($0.rounds.map(\.disagreement).max() ?? 0) > ($1.rounds.map(\.disagreement).max() ?? 0)
    }).prefix(5) {
      let trend = item.rounds.map { TextWrap.percent($0.disagreement) }.joined(separator: " → ")
      out.append("- **\(item.number). \(MarkdownText.inline(item.text))**: disagreement \(trend), \(item.outcome)")
    }
    out += ["", "## Items", ""]
    for item in document.items {
      out.append("### \(item.number). \(MarkdownText.inline(item.text))")
      out.append("")
      out.append(
        "*\(item.section) · \(item.kind)*" + (item.engineReading.map { " · rolefit reads the posting as: \($0)" } ?? "")
      )
      out.append("")
      for option in item.options { out.append("- **\(option.id)**: \(option.text)") }
      out.append("")
      if item.rounds.isEmpty { out.append("Not voted on.") }
      for round in item.rounds {
        out.append(
          "- Round \(round.round): \(Self.counts(round, options: item.options)) · disagreement \(TextWrap.percent(round.disagreement))"
        )
      }
      if let sentence = Self.outcomeSentence(item) { out.append("- \(sentence)") }
      for note in item.notes { out.append("- Note: \(MarkdownText.inline(note))") }
      if !item.teachingNote.isEmpty {
        out.append("")
        out.append(
          "Teaching note: \(item.teachingNote)"
            + (item.sources.isEmpty ? "" : " (Source: \(item.sources.joined(separator: "; ")))"))
      }
      out.append("")
    }
    if !document.closingNotes.isEmpty {
      out += ["## Closing notes", ""] + document.closingNotes.map { "- Note: \(MarkdownText.inline($0))" } + [""]
    }
    out += [
      "## Participants", "", "| Participant | Fit (from their own assessment) | Confidence |", "| --- | --- | ---: |",
    ]
    for participant in document.participants {
      guard let fit = participant.fit else {
        out.append("| \(MarkdownText.inline(participant.name)) | no assessment imported | – |")
        continue
      }
      out.append(
        "| \(MarkdownText.inline(participant.name)) | \(fit) | \(TextWrap.percent(participant.confidence ?? 0)) |")
    }
    let withPaths = document.participants.filter { $0.path != nil }
    if !withPaths.isEmpty {
      out += ["", "### Learning paths", ""]
      for participant in withPaths {
        let credentials = participant.missing.filter { pack.credentials.map(\.short).contains($0) }
        out.append(
          "- **\(MarkdownText.inline(participant.name))**: \(participant.path ?? "")"
            + (credentials.isEmpty ? "" : "; credentials still to earn: \(credentials.joined(separator: ", "))"))
      }
    }
    out += ["", "## Learning needs of the group", ""]
    if document.needs.isEmpty {
      out.append("None computed: learning needs come only from assessments participants import (`workshop import`).")
    }
    for need in document.needs.prefix(6) {
      out.append("- \(need.name): \(need.participants) of the \(need.of) imported assessments still need it")
    }
    return out.joined(separator: "\n") + "\n"
  }
}
