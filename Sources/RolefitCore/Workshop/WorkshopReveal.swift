import Foundation

/// What a reveal shows of one round: the distribution, the disagreement, who did not vote, how
/// rolefit reads a posting, and the teaching material.
///
/// Built once in the core so the facilitator's terminal, the participants' pages and the
/// projector view show the same figures in their own layout.
public struct WorkshopReveal: Sendable, Equatable {
  /// One option with its votes.
  public struct Count: Sendable, Equatable {
    public var option: WorkshopSession.VoteOption
    public var votes: Int
  }

  /// How the group stands, in words a facilitator can read out.
  public enum Agreement: Sendable, Equatable {
    /// Everyone chose the same option.
    case unanimous(option: String)
    /// Below the agenda's threshold, but not unanimous: the leading option and its votes.
    case majority(option: String, votes: Int, of: Int)
    /// Above the agenda's threshold: discuss, then revote.
    case split(threshold: Double)
  }

  /// How rolefit reads a posting item's duties.
  public struct PostingReading: Sendable, Equatable {
    /// The role's short name, or `other (kind)`.
    public var role: String
    public var band: String
    /// The duties read as something other than the title says.
    public var titleMismatch: Bool
    /// The strongest phrases found, each once.
    public var phrases: [String]
  }

  public var item: Int
  public var round: Int
  public var counts: [Count]
  public var total: Int
  public var disagreement: Double
  /// Round 1's disagreement, when this is a later round.
  public var firstRoundDisagreement: Double?
  /// Participants on the roster with no vote in this round, in roster order.
  public var notVoted: [String]
  public var agreement: Agreement
  public var posting: PostingReading?
  public var note: String
  /// Sources backing the note: the claim and its source's title.
  public var sources: [(claim: String, source: String)]
  public var prompts: [String]

  public static func == (lhs: WorkshopReveal, rhs: WorkshopReveal) -> Bool {
    lhs.item == rhs.item && lhs.round == rhs.round && lhs.counts == rhs.counts && lhs.notVoted == rhs.notVoted
      && lhs.agreement == rhs.agreement && lhs.posting == rhs.posting && lhs.note == rhs.note
      && lhs.sources.map(\.claim) == rhs.sources.map(\.claim) && lhs.prompts == rhs.prompts
  }

  /// The most sources a reveal cites.
  static let citedSources = 2
  /// The most phrases a posting reading quotes.
  static let quotedPhrases = 4

  /// The reveal of the session's current round, or `nil` when the agenda is over or nobody voted.
  public static func current(of session: WorkshopSession, pack: ContentPack) -> WorkshopReveal? {
    guard let current = session.current else { return nil }
    let item = session.position
    let round = session.round
    let options = session.options(for: current.item, pack: pack)
    let counts = session.counts(item: item, round: round, options: options).map {
      Count(option: $0.option, votes: $0.count)
    }
    let total = counts.reduce(0) { $0 + $1.votes }
    guard total > 0 else { return nil }
    let disagreement = session.disagreement(item: item, round: round, options: options)
    let agreement: Agreement
    let leading = counts.max { $0.votes < $1.votes }
    if let leading, leading.votes == total {
      agreement = .unanimous(option: leading.option.id)
    } else if disagreement > session.agenda.discussAbove || leading == nil {
      agreement = .split(threshold: session.agenda.discussAbove)
    } else {
      agreement = .majority(option: leading?.option.id ?? "", votes: leading?.votes ?? 0, of: total)
    }
    return WorkshopReveal(
      item: item, round: round, counts: counts, total: total, disagreement: disagreement,
      firstRoundDisagreement: round > 1 ? session.disagreement(item: item, round: 1, options: options) : nil,
      notVoted: session.waitingFor, agreement: agreement, posting: reading(current.item, pack: pack),
      note: pack.namingSources(in: current.item.note),
      sources: current.item.claims.compactMap { pack.claim($0) }.prefix(citedSources).map {
        ($0.text, pack.source($0.source)?.title ?? $0.source)
      },
      prompts: current.item.prompts)
  }

  /// How rolefit reads a posting item, or `nil` for other items.
  public static func reading(_ item: AgendaItem, pack: ContentPack) -> PostingReading? {
    guard case .posting(let title, let text) = item.content,
      let analysis = try? JobDescriptionAnalyzer(pack: pack).analyze(Posting(id: item.id, text: text, title: title))
    else { return nil }
    let role =
      analysis.fit.otherKind.map { "other (\($0))" } ?? (pack.role(analysis.fit.role)?.short ?? analysis.fit.role)
    // A phrase that occurs several times in a posting is evidence several times, but is quoted once.
    var seen: Set<String> = []
    let phrases = analysis.evidence.sorted { $0.weight > $1.weight }.map(\.phrase)
      .filter { seen.insert($0.lowercased()).inserted }
    return PostingReading(
      role: role, band: analysis.fit.band, titleMismatch: analysis.title.mismatch,
      phrases: Array(phrases.prefix(quotedPhrases)))
  }
}
