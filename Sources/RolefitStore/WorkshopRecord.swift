import Foundation
import RolefitCore

/// One line of the workshop list.
public struct WorkshopSummary: Sendable, Hashable, Identifiable {
  /// The workshop's session number.
  public var id: Int64
  /// Its name, unique in the database (compared case-insensitively).
  public var name: String
  /// The agenda it follows, from the content pack.
  public var agendaID: String
  /// The content pack it uses.
  public var packID: String?
  /// The content pack's version.
  public var packVersion: String?
  /// How many people are on the roster.
  public var participantCount: Int
  /// The agenda item the facilitator is at, from 0.
  public var currentItem: Int
  /// The voting round the facilitator is at, from 1.
  public var currentRound: Int
  /// The secret of its participants' join link, once it has been served.
  public var joinToken: String?
  /// Who runs it, when they said.
  public var facilitator: String?
  /// When it was created.
  public var started: Date
  /// When it last changed: the last vote, note, participant or move.
  public var updated: Date
  /// When the group left the agenda's last item, or `nil` while an item is open.
  public var ended: Date?
  /// When it was finished, or `nil` while it goes on.
  public var finished: Date?
}

/// A workshop in full: its roster, every vote of every round, notes and imported answers.
public struct WorkshopRecord: Sendable, Hashable, Identifiable {
  /// Someone on the roster.
  public struct Participant: Sendable, Hashable {
    /// The name as first given.
    public var name: String
    /// The file their answers were imported from, when they came from one.
    public var importedFrom: String?
    /// When they were added.
    public var added: Date
  }

  /// One participant's vote in one round of one agenda item; a correction replaces it.
  public struct Vote: Sendable, Hashable {
    /// The agenda item, from 0.
    public var item: Int
    /// The voting round, from 1.
    public var round: Int
    /// The participant's name as on the roster.
    public var participant: String
    /// The option voted for.
    public var option: String
    /// When it was recorded, or last corrected.
    public var recorded: Date
  }

  /// A facilitator's note on an agenda item.
  public struct Note: Sendable, Hashable, Identifiable {
    /// The note's number.
    public var id: Int64
    /// The agenda item it is about, from 0.
    public var item: Int
    /// What the facilitator wrote.
    public var text: String
    /// When it was written.
    public var written: Date
  }

  /// A round of an agenda item.
  public struct Round: Sendable, Hashable {
    /// The agenda item, from 0.
    public var item: Int
    /// The voting round, from 1.
    public var round: Int
  }

  /// What the workshop list shows of it.
  public var summary: WorkshopSummary
  /// The roster, in the order participants were added.
  public var participants: [Participant]
  /// Every vote, by item, then round, then roster order.
  public var votes: [Vote]
  /// The notes, in the order they were written.
  public var notes: [Note]
  /// Answers to bank questions, by participant name as on the roster.
  public var answers: [String: AnswerSheet]
  /// When each agenda section was first opened, by section index.
  public var sectionsStarted: [Int: Date]
  /// The rounds whose result was shown.
  public var revealed: [Round]
  /// Participants' devices: the cookie's secret to the name as on the roster.
  public var devices: [String: String]

  /// The workshop's session number.
  public var id: Int64 { summary.id }
  /// The workshop's name.
  public var name: String { summary.name }

  /// The votes of one round of one item: participant name to option.
  public func votes(item: Int, round: Int) -> [String: String] {
    Dictionary(
      votes.filter { $0.item == item && $0.round == round }.map { ($0.participant, $0.option) },
      uniquingKeysWith: { _, last in last })
  }
}
