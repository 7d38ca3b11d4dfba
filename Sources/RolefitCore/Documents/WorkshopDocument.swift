import Foundation

/// The record a trainer sends after a workshop, as every format shows it: the header, each
/// section's time against its timebox, each item with its question and options in words, the
/// votes per round, the teaching note and its source, the notes, and the participants who
/// brought their own assessment.
///
/// Its JSON shape is `docs/schema/workshop.schema.json`.
public struct WorkshopDocument: VersionedDocument {
  public static let currentSchemaVersion = 1

  public struct Agenda: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var audience: String
    public var minutes: Int
  }
  public struct Section: Codable, Sendable, Hashable {
    public var title: String
    /// The section's timebox.
    public var minutes: Int
    /// When the section was opened (ISO 8601, UTC), if it was.
    public var started: String?
    /// Minutes from its start to the next section's start, or for the last one opened to the end
    /// of the session (when the agenda's last item was left); `nil` while it is still open.
    public var spentMinutes: Int?
  }
  public struct Option: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
  }
  public struct Round: Codable, Sendable, Hashable {
    public var round: Int
    /// Votes per option id, for every option (zeros included).
    public var counts: [String: Int]
    /// Each participant's vote.
    public var votes: [String: String]
    public var disagreement: Double
  }
  public struct Item: Codable, Sendable, Hashable {
    public var number: Int
    public var section: String
    /// `question`, `scenario` or `posting`.
    public var kind: String
    /// The question, the scenario or the posting's title, whole.
    public var text: String
    public var options: [Option]
    public var rounds: [Round]
    /// `agreed` (one round under the agenda's threshold), `converged` (a revote brought the
    /// group under it), `split` (the last round is above it) or `not voted`.
    public var outcome: String
    public var teachingNote: String
    /// The sources of the teaching note, by the titles of their articles.
    public var sources: [String]
    public var notes: [String]
    /// For a posting: the role the job-description engine reads, in words.
    public var engineReading: String?
  }
  public struct Participant: Codable, Sendable, Hashable {
    public var name: String
    /// Whether they imported their own assessment (`workshop import`); only then is a fit given.
    public var imported: Bool
    public var fit: String?
    public var confidence: Double?
    public var path: String?
    /// Credentials and topics on their path they still need.
    public var missing: [String]
  }
  public struct Need: Codable, Sendable, Hashable {
    public var name: String
    public var participants: Int
    /// Out of how many imported assessments.
    public var of: Int
  }
  public struct Pack: Codable, Sendable, Hashable {
    public var id: String
    public var version: String
  }

  public var schemaVersion: Int
  public var name: String
  /// Who ran the workshop; absent when nobody was named.
  public var facilitator: String?
  /// The day the workshop started (its first section), else the day of the report.
  public var date: String
  public var agenda: Agenda
  public var pack: Pack
  public var participants: [Participant]
  public var sections: [Section]
  public var items: [Item]
  public var closingNotes: [String]
  /// Learning needs from the imported assessments only; empty when nobody imported one.
  public var needs: [Need]
}

extension WorkshopDocument {
  /// Builds the record of a session.
  public init(session: WorkshopSession, pack: ContentPack, today: Date = Date()) {
    let agendaValue = session.agenda
    let stamp = ISO8601DateFormatter()
    schemaVersion = Self.currentSchemaVersion
    name = session.name
    facilitator = session.facilitator
    date = DocumentDate.today(session.sectionStarted.values.min() ?? today).description
    agenda = Agenda(
      id: agendaValue.id, title: agendaValue.title, audience: agendaValue.audience, minutes: agendaValue.minutes)
    self.pack = Pack(id: session.packID, version: session.packVersion)
    let starts = session.sectionStarted
    sections = agendaValue.sections.enumerated().map { index, section in
      let start = starts[index]
      let next = starts.filter { $0.key > index }.min { $0.key < $1.key }?.value ?? session.ended
      let spent = start.flatMap { start in next.map { Int(($0.timeIntervalSince(start) / 60).rounded()) } }
      return Section(
        title: section.title, minutes: section.minutes, started: start.map { stamp.string(from: $0) },
        spentMinutes: spent)
    }
    let analyzer = try? JobDescriptionAnalyzer(pack: pack)
    let words = PostingRenderer(pack: pack)
    items = session.items.enumerated().map { index, entry in
      let options = session.options(for: entry.item, pack: pack)
      let rounds = session.rounds(of: index).map { round in
        Round(
          round: round,
          counts: Dictionary(
            uniqueKeysWithValues: session.counts(item: index, round: round, options: options).map {
              ($0.option.id, $0.count)
            }),
          votes: session.votes[.init(item: index, round: round)] ?? [:],
          disagreement: JSONOutput.round(session.disagreement(item: index, round: round, options: options)))
      }
      let under = (rounds.last?.disagreement ?? 1) <= agendaValue.discussAbove
      let outcome =
        rounds.isEmpty ? "not voted" : !under ? "split" : rounds.count > 1 ? "converged" : "agreed"
      var kind = "question"
      var text = ""
      var reading: String?
      switch entry.item.content {
      case .question(let id): text = pack.question(id)?.text ?? ""
      case .scenario(let scenario, _):
        kind = "scenario"
        text = scenario
      case .posting(let title, let posting):
        kind = "posting"
        text = title
        if let analysis = try? analyzer?.analyze(Posting(id: title, text: posting, title: title)) {
          reading = words.verdict(analysis)
        }
      }
      return Item(
        number: index + 1, section: agendaValue.sections[entry.section].title, kind: kind, text: text,
        options: options.map { Option(id: $0.id, text: $0.text) }, rounds: rounds, outcome: outcome,
        teachingNote: pack.namingSources(in: entry.item.note),
        sources: entry.item.claims.compactMap { pack.claim($0) }.map { pack.source($0.source)?.title ?? $0.source }
          .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
        notes: session.notes[index] ?? [], engineReading: reading)
    }
    closingNotes = session.notes.filter { !session.items.indices.contains($0.key) }.sorted { $0.key < $1.key }
      .flatMap(\.value)
    // A fit and learning needs only from assessments participants brought themselves: a handful
    // of workshop votes is not an assessment.
    var needCounts: [String: Int] = [:]
    var imports = 0
    let assessment = AssessmentRenderer(pack: pack)
    participants = session.participants.map { name in
      guard let answers = session.importedAnswers[name] else {
        return Participant(name: name, imported: false, fit: nil, confidence: nil, path: nil, missing: [])
      }
      imports += 1
      let report = AssessmentReport(pack: pack, answers: answers)
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
        name: name, imported: true, fit: assessment.headline(report.result.fit),
        confidence: JSONOutput.round(report.result.fit.confidence), path: report.plan?.path.title, missing: missing)
    }
    needs = needCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
      Need(name: $0.key, participants: $0.value, of: imports)
    }
  }
}
