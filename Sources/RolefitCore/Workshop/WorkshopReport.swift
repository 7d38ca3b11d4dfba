import Foundation

/// The record a trainer sends after a session: timing, votes per round, convergence, notes, each participant's fit and the group's learning needs.
///
/// Reads well without rolefit.
public struct WorkshopReport: Sendable {
  public struct Round: Sendable {
    public var round: Int
    public var counts: [(option: WorkshopSession.VoteOption, count: Int)]
    public var votes: [String: String]
    public var disagreement: Double
  }

  public struct Item: Sendable {
    public var index: Int
    public var section: String
    public var id: String
    public var kind: String
    public var title: String
    public var rounds: [Round]
    /// Whether the last round ended under the agenda's threshold, or lower than the first.
    public var converged: Bool
    public var notes: [String]
    /// For postings: the role the job-description engine reads.
    public var engineReading: String?
    public var maxDisagreement: Double { rounds.map(\.disagreement).max() ?? 0 }
  }

  public struct Participant: Sendable {
    public var name: String
    public var answered: Int
    public var fit: AssessmentResult.Fit?
    /// The learning path towards their fit, and what on it they still need.
    public var path: String?
    public var missing: [String]
  }

  public var session: WorkshopSession
  public var items: [Item]
  public var participants: [Participant]
  /// Credentials and topics most participants still need, with how many need them.
  public var needs: [(name: String, count: Int)]
  /// Notes typed after the last item (or on no item of the agenda), in the order of their items.
  public var closingNotes: [String]
  let pack: ContentPack

  public init(session: WorkshopSession, pack: ContentPack) {
    self.session = session
    self.pack = pack
    closingNotes = session.notes.filter { !session.items.indices.contains($0.key) }.sorted { $0.key < $1.key }
      .flatMap(\.value)
    let analyzer = try? JobDescriptionAnalyzer(pack: pack)
    items = session.items.enumerated().map { index, entry in
      let options = session.options(for: entry.item, pack: pack)
      let rounds = session.rounds(of: index).map { round in
        Round(
          round: round, counts: session.counts(item: index, round: round, options: options),
          votes: session.votes[.init(item: index, round: round)] ?? [:],
          disagreement: session.disagreement(item: index, round: round, options: options))
      }
      let last = rounds.last?.disagreement ?? 0
      let converged =
        rounds.isEmpty
        ? false : last <= session.agenda.discussAbove || (rounds.count > 1 && last < rounds[0].disagreement)
      var kind = "question"
      var title = entry.item.id
      var reading: String?
      switch entry.item.content {
      case .question(let id): title = pack.question(id)?.text ?? id
      case .scenario(let text, _):
        kind = "scenario"
        title = text
      case .posting(let postingTitle, let text):
        kind = "posting"
        title = postingTitle
        if let analysis = try? analyzer?.analyze(Posting(id: entry.item.id, text: text, title: postingTitle)) {
          let role = analysis.fit.otherKind.map { "other (\($0))" } ?? analysis.fit.role
          reading = "\(role), \(analysis.fit.band)"
        }
      }
      return Item(
        index: index, section: session.agenda.sections[entry.section].title, id: entry.item.id, kind: kind,
        title: title, rounds: rounds, converged: converged, notes: session.notes[index] ?? [], engineReading: reading)
    }
    var needCounts: [String: Int] = [:]
    participants = session.participants.map { name in
      let answers = session.answers(of: name)
      let scored = pack.scoredQuestions.filter { answers[$0.id] != nil }.count
      guard scored > 0 else { return Participant(name: name, answered: 0, fit: nil, path: nil, missing: []) }
      let report = AssessmentReport(pack: pack, answers: answers)
      // Credentials not yet held, and the topics of the path towards their fit.
      let missing = (report.plan?.steps ?? []).compactMap { step -> String? in
        switch step.subject {
        case .credential(let id):
          guard let eligibility = step.eligibility, eligibility.status != .held else { return nil }
          return pack.credential(id)?.short ?? id
        case .topic(let topic): return topic
        }
      }
      for need in Set(missing) { needCounts[need, default: 0] += 1 }
      return Participant(
        name: name, answered: scored, fit: report.result.fit, path: report.plan?.path.title, missing: missing)
    }
    needs = needCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
      ($0.key, $0.value)
    }
  }

  func roleName(_ id: String) -> String { pack.assessedRole(id)?.name ?? id }

  // MARK: Markdown

  public func markdown() -> String {
    let agenda = session.agenda
    var out = ["# Workshop report: \(MarkdownText.inline(session.name))", ""]
    out.append("**Agenda:** \(agenda.title) (\(agenda.minutes) minutes) · **Audience:** \(agenda.audience)")
    out.append("")
    out.append(
      "**Participants:** \(session.participants.map(MarkdownText.inline).joined(separator: ", ")) · **Content:** \(session.packID) \(session.packVersion)"
    )
    out += ["", "## Agenda and timing", "", "| Section | Planned | Started |", "| --- | ---: | --- |"]
    let formatter = ISO8601DateFormatter()
    for (index, section) in agenda.sections.enumerated() {
      let started = session.sectionStarted[index].map { formatter.string(from: $0) } ?? "not reached"
      out.append("| \(section.title) | \(section.minutes) min | \(started) |")
    }
    let voted = items.filter { !$0.rounds.isEmpty }
    out += ["", "## Where the group disagreed most", ""]
    if voted.isEmpty { out.append("No votes were recorded.") }
    for item in voted.sorted(by: { $0.maxDisagreement > $1.maxDisagreement }).prefix(5) {
      let trend = item.rounds.map { "\(TextWrap.percent($0.disagreement))" }.joined(separator: " → ")
      out.append(
        "- **\(item.title.prefix(90))\(item.title.count > 90 ? "…" : "")**: disagreement \(trend)\(item.converged ? ", converged" : ", did not converge")"
      )
    }
    out += ["", "## Items", ""]
    for item in items {
      out.append("### \(item.index + 1). \(item.title.prefix(120))\(item.title.count > 120 ? "…" : "")")
      out.append("")
      out.append(
        "*\(item.section) · \(item.kind)*" + (item.engineReading.map { " · rolefit reads the posting as: \($0)" } ?? "")
      )
      out.append("")
      if item.rounds.isEmpty {
        out.append("Not voted on.")
      }
      for round in item.rounds {
        let counts = round.counts.map { "\($0.option.id) \($0.count)" }.joined(separator: ", ")
        out.append("- Round \(round.round): \(counts) · disagreement \(TextWrap.percent(round.disagreement))")
      }
      if !item.rounds.isEmpty { out.append("- \(item.converged ? "Converged." : "Did not converge.")") }
      for note in item.notes { out.append("- Note: \(MarkdownText.inline(note))") }
      out.append("")
    }
    if !closingNotes.isEmpty {
      out += ["## Closing notes", ""] + closingNotes.map { "- Note: \(MarkdownText.inline($0))" } + [""]
    }
    out += [
      "## Participants", "", "| Participant | Fit | Confidence | Bank questions answered |",
      "| --- | --- | ---: | ---: |",
    ]
    for participant in participants {
      guard let fit = participant.fit else {
        out.append("| \(MarkdownText.inline(participant.name)) | not enough answers | – | 0 |")
        continue
      }
      let band = pack.scoring.bands.first { $0.id == fit.band }?.name.lowercased() ?? fit.band
      out.append(
        "| \(MarkdownText.inline(participant.name)) | \(roleName(fit.role)), \(band) | \(String(format: "%.2f", fit.confidence)) | \(participant.answered) |"
      )
    }
    let withPaths = participants.filter { $0.path != nil }
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
    if needs.isEmpty { out.append("No credential gaps could be computed (participants answered no bank questions).") }
    for need in needs.prefix(6) {
      out.append("- \(need.name): \(need.count) of \(session.participants.count) participants still need it")
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: JSON

  struct JSONShape: Encodable {
    struct Round: Encodable {
      var round: Int
      var counts: [String: Int]
      var votes: [String: String]
      var disagreement: Double
    }
    struct Item: Encodable {
      var index: Int
      var section: String
      var id: String
      var kind: String
      var title: String
      var rounds: [Round]
      var converged: Bool
      var notes: [String]
      var engineReading: String?
    }
    struct Participant: Encodable {
      var name: String
      var answered: Int
      var role: String?
      var band: String?
      var confidence: Double?
      var path: String?
      var missing: [String]
    }
    struct Need: Encodable {
      var name: String
      var participants: Int
    }
    struct Section: Encodable {
      var id: String
      var title: String
      var minutes: Int
      var started: String?
    }
    var name: String
    var agenda: String
    var title: String
    var minutes: Int
    var pack: [String: String]
    var sections: [Section]
    var participants: [Participant]
    var items: [Item]
    var closingNotes: [String]
    var needs: [Need]
  }

  public func json() -> String {
    let formatter = ISO8601DateFormatter()
    let shape = JSONShape(
      name: session.name, agenda: session.agenda.id, title: session.agenda.title, minutes: session.agenda.minutes,
      pack: ["id": session.packID, "version": session.packVersion],
      sections: session.agenda.sections.enumerated().map { index, section in
        .init(
          id: section.id, title: section.title, minutes: section.minutes,
          started: session.sectionStarted[index].map { formatter.string(from: $0) })
      },
      participants: participants.map {
        .init(
          name: $0.name, answered: $0.answered, role: $0.fit?.role, band: $0.fit?.band,
          confidence: $0.fit.map { JSONOutput.round($0.confidence) }, path: $0.path, missing: $0.missing)
      },
      items: items.map { item in
        .init(
          index: item.index, section: item.section, id: item.id, kind: item.kind, title: item.title,
          rounds: item.rounds.map { round in
            .init(
              round: round.round,
              counts: Dictionary(uniqueKeysWithValues: round.counts.map { ($0.option.id, $0.count) }),
              votes: round.votes, disagreement: JSONOutput.round(round.disagreement))
          },
          converged: item.converged, notes: item.notes, engineReading: item.engineReading)
      },
      closingNotes: closingNotes,
      needs: needs.map { .init(name: $0.name, participants: $0.count) })
    return JSONOutput.encode(shape)
  }
}
