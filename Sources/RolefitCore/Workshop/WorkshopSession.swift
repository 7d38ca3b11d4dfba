import Foundation

/// A workshop in progress: the agenda, the roster, where the group is, and every vote.
///
/// A value type, so the REPL, the store and the report share one model; every change is also
/// reported to a `WorkshopRecorder` by the REPL so nothing is lost.
public struct WorkshopSession: Sendable {
  /// A round of votes on one item.
  public struct RoundKey: Sendable, Hashable, Comparable {
    public var item: Int
    public var round: Int
    public init(item: Int, round: Int) {
      self.item = item
      self.round = round
    }
    public static func < (lhs: RoundKey, rhs: RoundKey) -> Bool { (lhs.item, lhs.round) < (rhs.item, rhs.round) }
  }

  /// An option participants vote for.
  public struct VoteOption: Sendable, Hashable {
    public var id: String
    public var text: String
  }

  public var name: String
  /// Who runs the workshop, when they said; the record names nobody otherwise.
  public var facilitator: String?
  public let agenda: Agenda
  public var packID: String
  public var packVersion: String
  public var participants: [String]
  /// The item being discussed.
  public var position: Int = 0
  /// The current round of the current item, from 1.
  public var round: Int = 1
  /// Votes by round, then by participant.
  public var votes: [RoundKey: [String: String]] = [:]
  /// Rounds whose result was shown.
  public var revealed: Set<RoundKey> = []
  /// Facilitator notes by item.
  public var notes: [Int: [String]] = [:]
  /// Answers participants brought from `rolefit assess --out`, by participant.
  public var importedAnswers: [String: AnswerSheet] = [:]
  /// When each section was first opened, for the timer and the report.
  public var sectionStarted: [Int: Date] = [:]
  /// When the group left the agenda's last item, so the last section's time is known; `nil`
  /// while an item is open or before the end was reached.
  public var ended: Date?
  /// Seconds the facilitator added to (or, negative, took from) each section's timebox.
  public var timerAdjustment: [Int: Double] = [:]
  /// When the timer was paused, while it is.
  public var timerPaused: Date?
  /// The secret in the join URL of the participants' web page, once it has been served.
  public var joinToken: String?
  /// The participant each device's cookie stands for, by the cookie's secret.
  public var devices: [String: String] = [:]

  public init(name: String, agenda: Agenda, pack: ContentPack, participants: [String], facilitator: String? = nil) {
    self.name = name
    self.facilitator = facilitator
    self.agenda = agenda
    self.packID = pack.id
    self.packVersion = pack.version
    self.participants = participants
  }

  public var items: [(section: Int, item: AgendaItem)] { agenda.items }
  public var current: (section: Int, item: AgendaItem)? { position < items.count ? items[position] : nil }
  public var isFinished: Bool { position >= items.count }

  /// The options of an item: a question's, a scenario's, or the pack's roles and `other` for a posting.
  public func options(for item: AgendaItem, pack: ContentPack) -> [VoteOption] {
    switch item.content {
    case .question(let id):
      return pack.question(id)?.options.map { VoteOption(id: $0.id, text: $0.text) } ?? []
    case .scenario(_, let options):
      return options.map { VoteOption(id: $0.id, text: $0.text) }
    case .posting:
      return pack.roles.map { VoteOption(id: $0.short, text: $0.name) }
        + [VoteOption(id: "other", text: "Neither: another kind of role")]
    }
  }

  /// Records votes for the current item and round; a later vote replaces an earlier one.
  public mutating func record(_ newVotes: [String: String]) {
    votes[RoundKey(item: position, round: round), default: [:]].merge(newVotes) { _, new in new }
  }

  /// The votes of a round, by option id, in the options' order.
  public func counts(item: Int, round: Int, options: [VoteOption]) -> [(option: VoteOption, count: Int)] {
    let cast = votes[RoundKey(item: item, round: round)] ?? [:]
    return options.map { option in (option, cast.values.filter { $0 == option.id }.count) }
  }

  /// The normalised disagreement of a round.
  public func disagreement(item: Int, round: Int, options: [VoteOption]) -> Double {
    Disagreement.of(counts(item: item, round: round, options: options).map(\.count), options: options.count)
  }

  /// The rounds held for an item.
  public func rounds(of item: Int) -> [Int] {
    votes.keys.filter { $0.item == item }.map(\.round).sorted()
  }

  /// Who has not voted in the current round.
  public var waitingFor: [String] {
    let cast = votes[RoundKey(item: position, round: round)] ?? [:]
    return participants.filter { cast[$0] == nil }
  }

  public mutating func revote() { round += 1 }

  /// Moves to another item, resuming at its latest round.
  ///
  /// Leaving the last item ends the session at `now` (the last section's time runs to there);
  /// going back into the agenda reopens it.
  public mutating func move(to item: Int, now: Date) {
    let wasFinished = isFinished
    position = max(0, min(item, items.count))
    round = rounds(of: position).last ?? 1
    if let current, sectionStarted[current.section] == nil { sectionStarted[current.section] = now }
    if isFinished && !wasFinished {
      ended = now
    } else if !isFinished {
      ended = nil
    }
  }

  /// Seconds left in the current section's timebox (negative when over), once it has started;
  /// a paused timer stands still.
  public func secondsLeft(now: Date) -> Double? {
    guard let current, let started = sectionStarted[current.section] else { return nil }
    let reading = timerPaused.map { min($0, now) } ?? now
    return Double(agenda.sections[current.section].minutes * 60) + (timerAdjustment[current.section] ?? 0)
      - reading.timeIntervalSince(started)
  }

  /// Changes the current section's timer.
  public mutating func adjustTimer(_ change: TimerChange, now: Date) {
    guard let current else { return }
    switch change {
    case .extend(let seconds):
      timerAdjustment[current.section, default: 0] += seconds
    case .set(let seconds):
      guard let left = secondsLeft(now: now) else { return }
      timerAdjustment[current.section, default: 0] += seconds - left
    case .pause:
      if timerPaused == nil { timerPaused = now }
    case .resume:
      guard let paused = timerPaused else { return }
      // Time spent paused is given back to the section.
      timerAdjustment[current.section, default: 0] += now.timeIntervalSince(paused)
      timerPaused = nil
    }
  }

  /// What the facilitator can do to a section's timer.
  public enum TimerChange: Sendable, Equatable {
    /// Adds seconds (negative takes them away).
    case extend(Double)
    /// Sets the seconds left.
    case set(Double)
    case pause
    case resume
  }

  /// A participant's answers to the bank questions: their latest vote on each, then imported answers.
  public func answers(of participant: String) -> AnswerSheet {
    var sheet = importedAnswers[participant] ?? AnswerSheet()
    for (index, entry) in items.enumerated() {
      guard case .question(let id) = entry.item.content else { continue }
      for round in rounds(of: index).reversed() {
        if let vote = votes[RoundKey(item: index, round: round)]?[participant] {
          sheet[id] = .choice(vote)
          break
        }
      }
    }
    return sheet
  }
}
