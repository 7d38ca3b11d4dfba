import Foundation
import RolefitCore

/// Keeps workshops in the store: the `WorkshopLibrary` the REPL and `rolefit workshop` use.
public final class StoreWorkshopLibrary: WorkshopLibrary, Sendable {
  /// The store the workshops live in.
  public let store: Store

  /// Creates a library on a store.
  public init(store: Store) {
    self.store = store
  }

  /// Saves a new workshop with its roster, and returns the recorder that keeps it as it runs.
  ///
  /// - Throws: `StoreError.workshopExists` when the name is taken.
  public func create(_ session: WorkshopSession) throws -> any WorkshopRecorder {
    let id = try store.createWorkshop(
      name: session.name, agendaID: session.agenda.id, packID: session.packID, packVersion: session.packVersion,
      participants: session.participants, facilitator: session.facilitator)
    return StoreWorkshopRecorder(store: store, workshop: id, itemCount: session.items.count)
  }

  /// A saved workshop rebuilt on `pack`: roster, facilitator, votes of every round, rounds
  /// revealed, notes, imported answers, when each section started, where it stopped and when
  /// the agenda's last item was left.
  ///
  /// - Throws: `StoreError.missingAgenda` when `pack` lacks the workshop's agenda.
  public func open(named name: String, pack: ContentPack) throws -> (
    session: WorkshopSession, recorder: any WorkshopRecorder
  )? {
    guard let record = try store.workshop(named: name) else { return nil }
    guard let agenda = pack.agenda(record.summary.agendaID) else {
      throw StoreError.missingAgenda(
        path: store.path, workshop: record.name, agenda: record.summary.agendaID, pack: "\(pack.id) \(pack.version)")
    }
    var session = WorkshopSession(
      name: record.name, agenda: agenda, pack: pack, participants: record.participants.map(\.name),
      facilitator: record.summary.facilitator)
    session.packID = record.summary.packID ?? pack.id
    session.packVersion = record.summary.packVersion ?? pack.version
    session.position = record.summary.currentItem
    session.round = record.summary.currentRound
    for vote in record.votes {
      session.votes[WorkshopSession.RoundKey(item: vote.item, round: vote.round), default: [:]][vote.participant] =
        vote.option
    }
    for note in record.notes { session.notes[note.item, default: []].append(note.text) }
    session.importedAnswers = record.answers
    session.sectionStarted = record.sectionsStarted
    session.ended = record.summary.ended
    session.revealed = Set(record.revealed.map { WorkshopSession.RoundKey(item: $0.item, round: $0.round) })
    session.joinToken = record.summary.joinToken
    session.devices = record.devices
    return (session, StoreWorkshopRecorder(store: store, workshop: record.id, itemCount: session.items.count))
  }

  /// One line per workshop, most recently changed first: name, agenda, roster size, where it stands.
  public func list() throws -> [String] {
    try store.workshops().map { workshop in
      let state =
        workshop.finished.map { "finished \(StoreRecorder.describe($0))" }
        ?? "at item \(workshop.currentItem + 1), round \(workshop.currentRound); updated \(StoreRecorder.describe(workshop.updated))"
      let people = TextWrap.count(workshop.participantCount, "participant")
      return "\(workshop.name)  (\(workshop.agendaID), \(people))  \(state)"
    }
  }

  /// The workshops' names, most recently changed first.
  public func names() throws -> [String] { try store.workshops().map(\.name) }

  /// Adds a participant's answers from a file; `false`, changing nothing, when they were imported before.
  ///
  /// - Throws: `StoreError.notFound` when there is no workshop with that name.
  public func importAnswers(workshop name: String, participant: String, answers: AnswerSheet, from file: String)
    throws -> Bool
  {
    guard let workshop = try store.workshop(named: name) else {
      throw StoreError.notFound(path: store.path, what: "workshop '\(name)'")
    }
    return try store.importAnswers(workshop: workshop.id, participant: participant, answers: answers, from: file)
  }
}

/// Keeps one running workshop: every vote, note, roster change and move, as it happens.
public final class StoreWorkshopRecorder: WorkshopRecorder, Sendable {
  /// The store the workshop lives in.
  public let store: Store
  /// The workshop's session number.
  public let workshop: Int64
  /// How many items the agenda has: moving past the last finishes the workshop.
  let itemCount: Int

  /// Creates a recorder for a saved workshop.
  public init(store: Store, workshop: Int64, itemCount: Int) {
    self.store = store
    self.workshop = workshop
    self.itemCount = itemCount
  }

  /// Records a round's votes in one transaction.
  public func recordVotes(_ votes: [String: String], item: Int, round: Int) throws {
    try store.recordVotes(workshop: workshop, item: item, round: round, votes: votes)
  }

  /// Records a facilitator's note on an item.
  public func recordNote(_ text: String, item: Int) throws {
    try store.addNote(workshop: workshop, item: item, text: text)
  }

  /// Adds someone to the roster; a name already on it is left as it is.
  public func recordParticipant(_ name: String) throws {
    _ = try store.addParticipant(workshop: workshop, name: name)
  }

  /// Records where the group is; moving past the last item finishes the workshop.
  public func recordSectionStart(_ section: Int, at date: Date) throws {
    try store.startSection(workshop: workshop, section: section, at: date)
  }

  /// Records when the group left the agenda's last item, or that it went back into the agenda.
  public func recordEnd(at date: Date?) throws {
    try store.setEnded(workshop: workshop, at: date)
  }

  /// Records that a round's result was shown.
  public func recordReveal(item: Int, round: Int) throws {
    try store.recordReveal(workshop: workshop, item: item, round: round)
  }

  /// Keeps the secret of the join link.
  public func recordJoinToken(_ token: String) throws {
    try store.setJoinToken(workshop: workshop, token: token)
  }

  /// Binds a device to a participant.
  public func recordDevice(_ device: String, participant: String) throws {
    try store.addDevice(workshop: workshop, secret: device, participant: participant)
  }

  public func recordPosition(item: Int, round: Int) throws {
    try store.setPosition(workshop: workshop, item: item, round: round)
    if item >= itemCount { try store.finishWorkshop(workshop) }
  }
}
