import Foundation
internal import GRDB
import RolefitCore

/// Workshops: a roster, votes per round, notes, imported answers and where the facilitator is.
extension Store {
  /// Creates a workshop and its roster, and returns its session number.
  ///
  /// - Parameters:
  ///   - name: A name unique in the database, compared case-insensitively.
  ///   - agendaID: The agenda it follows.
  ///   - packID: The content pack it uses.
  ///   - packVersion: The content pack's version.
  ///   - participants: The roster so far; a name repeated (in any case) is kept once.
  ///   - facilitator: Who runs it, when they said.
  /// - Returns: The workshop's session number.
  /// - Throws: `StoreError.workshopExists` when the name is taken.
  public func createWorkshop(
    name: String, agendaID: String, packID: String, packVersion: String, participants: [String] = [],
    facilitator: String? = nil
  ) throws(StoreError) -> Int64 {
    let time = now()
    return try write { db in
      let nameKey = Self.key(name)
      let taken = try db.fetchValue(Bool.self, "SELECT EXISTS (SELECT 1 FROM workshop WHERE nameKey = \(nameKey))")
      guard taken != true else {
        throw StoreError.workshopExists(path: path, name: name)
      }
      try db.execute(
        literal: """
          INSERT INTO session (kind, title, packID, packVersion, startedAt, updatedAt)
          VALUES ('workshop', \(name), \(packID), \(packVersion), \(time), \(time))
          """)
      let id = db.lastInsertedRowID
      try db.execute(
        literal: """
          INSERT INTO workshop (sessionID, name, nameKey, agendaID, facilitator)
          VALUES (\(id), \(name), \(nameKey), \(agendaID), \(facilitator))
          """)
      for participant in participants {
        _ = try Self.insertParticipant(db, workshop: id, name: participant, importedFrom: nil, at: time)
      }
      return id
    }
  }

  /// A workshop by name, compared case-insensitively, or `nil` when there is none.
  public func workshop(named name: String) throws(StoreError) -> WorkshopRecord? {
    try read { db in
      let id = try db.fetchValue(Int64.self, "SELECT sessionID FROM workshop WHERE nameKey = \(Self.key(name))")
      return try id.flatMap { try Self.workshopRecord(db, id: $0) }
    }
  }

  /// A workshop by session number, or `nil` when there is none.
  public func workshop(id: Int64) throws(StoreError) -> WorkshopRecord? {
    try read { db in try Self.workshopRecord(db, id: id) }
  }

  /// Every workshop, most recently changed first.
  public func workshops() throws(StoreError) -> [WorkshopSummary] {
    try read { db in
      try db.fetchRows(
        """
        SELECT \(sql: Self.workshopColumns) FROM workshop JOIN session ON session.id = workshop.sessionID
        ORDER BY session.updatedAt DESC, session.id DESC
        """
      ).map(Self.workshopSummary)
    }
  }

  /// Adds someone to the roster.
  ///
  /// - Parameters:
  ///   - id: The workshop.
  ///   - name: Their name; compared case-insensitively with the roster.
  ///   - importedFrom: The file their answers came from, when imported.
  /// - Returns: `false` when they were already on it.
  /// - Throws: `StoreError.notFound` when the workshop does not exist.
  public func addParticipant(workshop id: Int64, name: String, importedFrom: String? = nil) throws(StoreError) -> Bool {
    let time = now()
    return try write { db in
      try requireSession(db, id, kind: .workshop)
      let added = try Self.insertParticipant(db, workshop: id, name: name, importedFrom: importedFrom, at: time)
      if added { try Self.touch(db, id, at: time) }
      return added
    }
  }

  /// Records a vote; a second vote by the same participant in the same round replaces the first.
  ///
  /// - Throws: `StoreError.notFound` when the workshop does not exist or the participant is not
  ///   on its roster.
  public func recordVote(workshop id: Int64, item: Int, round: Int, participant: String, option: String)
    throws(StoreError)
  {
    try recordVotes(workshop: id, item: item, round: round, votes: [participant: option])
  }

  /// Records a round's votes in one transaction; each replaces that participant's earlier vote
  /// of the same round.
  ///
  /// - Parameters:
  ///   - id: The workshop.
  ///   - item: The agenda item, from 0.
  ///   - round: The voting round, from 1.
  ///   - votes: Participant name to option id.
  /// - Throws: `StoreError.notFound` when the workshop does not exist or a participant is not
  ///   on its roster; then none of the votes is recorded.
  public func recordVotes(workshop id: Int64, item: Int, round: Int, votes: [String: String]) throws(StoreError) {
    let time = now()
    try write { db in
      try requireSession(db, id, kind: .workshop)
      for (participant, option) in votes.sorted(by: { $0.key < $1.key }) {
        let participantKey = try requireParticipant(db, workshop: id, name: participant)
        try db.execute(
          literal: """
            INSERT INTO vote (workshopID, item, round, participantKey, option, votedAt)
            VALUES (\(id), \(item), \(round), \(participantKey), \(option), \(time))
            ON CONFLICT (workshopID, item, round, participantKey)
            DO UPDATE SET option = excluded.option, votedAt = excluded.votedAt
            """)
      }
      try Self.touch(db, id, at: time)
    }
  }

  /// Adds a participant's answers from a file they sent, unless they were imported before.
  ///
  /// Someone not on the roster is added to it. One transaction: the roster entry and the
  /// answers land together or not at all.
  ///
  /// - Parameters:
  ///   - id: The workshop.
  ///   - participant: Their name, compared case-insensitively with the roster.
  ///   - answers: Their answers to bank questions.
  ///   - file: The file the answers came from.
  /// - Returns: `false`, changing nothing, when this participant's answers were imported before.
  /// - Throws: `StoreError.notFound` when the workshop does not exist.
  public func importAnswers(workshop id: Int64, participant: String, answers: AnswerSheet, from file: String)
    throws(StoreError) -> Bool
  {
    let time = now()
    return try write { db in
      try requireSession(db, id, kind: .workshop)
      let participantKey = Self.key(participant) ?? participant
      let imported = try db.fetchValue(
        Bool.self,
        """
        SELECT importedFrom IS NOT NULL
          OR EXISTS (SELECT 1 FROM participantAnswer WHERE workshopID = \(id) AND participantKey = \(participantKey))
        FROM participant WHERE workshopID = \(id) AND nameKey = \(participantKey)
        """)
      switch imported {
      case true?:
        return false
      case false?:
        try db.execute(
          literal: """
            UPDATE participant SET importedFrom = \(file) WHERE workshopID = \(id) AND nameKey = \(participantKey)
            """)
      case nil:
        _ = try Self.insertParticipant(db, workshop: id, name: participant, importedFrom: file, at: time)
      }
      try Self.replaceAnswers(db, workshop: id, participantKey: participantKey, answers: answers, at: time)
      try Self.touch(db, id, at: time)
      return true
    }
  }

  /// Keeps a participant's answers to bank questions, such as an imported answers file.
  ///
  /// The answers replace any the participant had before.
  ///
  /// - Throws: `StoreError.notFound` when the workshop does not exist or the participant is not
  ///   on its roster.
  public func recordAnswers(workshop id: Int64, participant: String, answers: AnswerSheet) throws(StoreError) {
    let time = now()
    try write { db in
      let participantKey = try requireParticipant(db, workshop: id, name: participant)
      try Self.replaceAnswers(db, workshop: id, participantKey: participantKey, answers: answers, at: time)
      try Self.touch(db, id, at: time)
    }
  }

  /// Adds a facilitator's note to an agenda item, and returns its number.
  @discardableResult
  public func addNote(workshop id: Int64, item: Int, text: String) throws(StoreError) -> Int64 {
    let time = now()
    return try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(
        literal: "INSERT INTO note (workshopID, item, text, writtenAt) VALUES (\(id), \(item), \(text), \(time))")
      let note = db.lastInsertedRowID
      try Self.touch(db, id, at: time)
      return note
    }
  }

  /// Records where the facilitator is, so a workshop resumes there.
  public func setPosition(workshop id: Int64, item: Int, round: Int) throws(StoreError) {
    let time = now()
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(
        literal: "UPDATE workshop SET currentItem = \(item), currentRound = \(round) WHERE sessionID = \(id)")
      try Self.touch(db, id, at: time)
    }
  }

  /// Records when a section of the agenda was first opened; a later call for the same section keeps the first time.
  public func startSection(workshop id: Int64, section: Int, at date: Date) throws(StoreError) {
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(
        literal: """
          INSERT OR IGNORE INTO workshopSection (workshopID, section, startedAt) VALUES (\(id), \(section), \(date))
          """)
    }
  }

  /// Records when the group left the agenda's last item; `nil` when it went back into the agenda.
  public func setEnded(workshop id: Int64, at date: Date?) throws(StoreError) {
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(literal: "UPDATE workshop SET endedAt = \(date) WHERE sessionID = \(id)")
    }
  }

  /// Records that a round's result was shown.
  public func recordReveal(workshop id: Int64, item: Int, round: Int) throws(StoreError) {
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(
        literal: "INSERT OR IGNORE INTO workshopReveal (workshopID, item, round) VALUES (\(id), \(item), \(round))")
    }
  }

  /// Keeps the secret of a workshop's join link.
  public func setJoinToken(workshop id: Int64, token: String) throws(StoreError) {
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(literal: "UPDATE workshop SET joinToken = \(token) WHERE sessionID = \(id)")
    }
  }

  /// Binds a device's secret to a participant on the roster.
  ///
  /// - Throws: `StoreError.notFound` when the workshop or the participant is missing.
  public func addDevice(workshop id: Int64, secret: String, participant: String) throws(StoreError) {
    try write { db in
      let participantKey = try requireParticipant(db, workshop: id, name: participant)
      try db.execute(
        literal: """
          INSERT OR REPLACE INTO workshopDevice (workshopID, secret, participantKey)
          VALUES (\(id), \(secret), \(participantKey))
          """)
    }
  }

  /// Marks a workshop finished; it stays listed, with its votes and notes.
  public func finishWorkshop(_ id: Int64) throws(StoreError) {
    let time = now()
    try write { db in
      try requireSession(db, id, kind: .workshop)
      try db.execute(literal: "UPDATE session SET finishedAt = \(time), updatedAt = \(time) WHERE id = \(id)")
    }
  }

  // MARK: - Rows

  /// The columns `workshopSummary(_:)` reads, from `workshop JOIN session`.
  static let workshopColumns = """
    session.id, workshop.name, workshop.agendaID, session.packID, session.packVersion, workshop.currentItem, \
    workshop.currentRound, workshop.joinToken, workshop.facilitator, workshop.endedAt, session.startedAt, session.updatedAt, session.finishedAt, \
    (SELECT count(*) FROM participant WHERE participant.workshopID = session.id) AS participantCount
    """

  /// A workshop row as a summary.
  static func workshopSummary(_ row: Row) -> WorkshopSummary {
    WorkshopSummary(
      id: row["id"], name: row["name"], agendaID: row["agendaID"], packID: row["packID"],
      packVersion: row["packVersion"], participantCount: row["participantCount"], currentItem: row["currentItem"],
      currentRound: row["currentRound"], joinToken: row["joinToken"], facilitator: row["facilitator"],
      started: row["startedAt"], updated: row["updatedAt"], ended: row["endedAt"], finished: row["finishedAt"])
  }

  /// A workshop with its roster, votes, notes and answers.
  static func workshopRecord(_ db: Database, id: Int64) throws -> WorkshopRecord? {
    guard
      let row = try db.fetchRow(
        """
        SELECT \(sql: workshopColumns) FROM workshop JOIN session ON session.id = workshop.sessionID
        WHERE workshop.sessionID = \(id)
        """)
    else { return nil }
    let participants = try db.fetchRows(
      """
      SELECT nameKey, name, importedFrom, addedAt FROM participant WHERE workshopID = \(id) ORDER BY rosterIndex
      """)
    var names: [String: String] = [:]
    for participant in participants { names[participant["nameKey"]] = participant["name"] }
    let votes = try db.fetchRows(
      """
      SELECT vote.item, vote.round, vote.participantKey, vote.option, vote.votedAt
      FROM vote JOIN participant
        ON participant.workshopID = vote.workshopID AND participant.nameKey = vote.participantKey
      WHERE vote.workshopID = \(id)
      ORDER BY vote.item, vote.round, participant.rosterIndex
      """)
    let notes = try db.fetchRows("SELECT id, item, text, writtenAt FROM note WHERE workshopID = \(id) ORDER BY id")
    var sectionsStarted: [Int: Date] = [:]
    for row in try db.fetchRows("SELECT section, startedAt FROM workshopSection WHERE workshopID = \(id)") {
      sectionsStarted[row["section"]] = row["startedAt"]
    }
    let revealed = try db.fetchRows("SELECT item, round FROM workshopReveal WHERE workshopID = \(id)").map {
      WorkshopRecord.Round(item: $0["item"], round: $0["round"])
    }
    var devices: [String: String] = [:]
    for device in try db.fetchRows("SELECT secret, participantKey FROM workshopDevice WHERE workshopID = \(id)") {
      devices[device["secret"]] = names[device["participantKey"]]
    }
    var answers: [String: AnswerSheet] = [:]
    for answer in try db.fetchRows(
      "SELECT participantKey, questionID, value, seconds FROM participantAnswer WHERE workshopID = \(id)")
    {
      guard let name = names[answer["participantKey"]], let value = StoredAnswer.decode(answer["value"]) else {
        continue
      }
      let question: String = answer["questionID"]
      answers[name, default: AnswerSheet()].values[question] = value
      if let seconds: Double = answer["seconds"] { answers[name, default: AnswerSheet()].seconds[question] = seconds }
    }
    return WorkshopRecord(
      summary: workshopSummary(row),
      participants: participants.map {
        WorkshopRecord.Participant(name: $0["name"], importedFrom: $0["importedFrom"], added: $0["addedAt"])
      },
      votes: votes.map {
        WorkshopRecord.Vote(
          item: $0["item"], round: $0["round"], participant: names[$0["participantKey"]] ?? $0["participantKey"],
          option: $0["option"], recorded: $0["votedAt"])
      },
      notes: notes.map {
        WorkshopRecord.Note(id: $0["id"], item: $0["item"], text: $0["text"], written: $0["writtenAt"])
      },
      answers: answers, sectionsStarted: sectionsStarted, revealed: revealed, devices: devices)
  }

  /// Replaces a participant's answers to bank questions.
  static func replaceAnswers(
    _ db: Database, workshop id: Int64, participantKey: String, answers: AnswerSheet, at time: Date
  ) throws {
    try db.execute(
      literal: "DELETE FROM participantAnswer WHERE workshopID = \(id) AND participantKey = \(participantKey)")
    for (question, value) in answers.values {
      try db.execute(
        literal: """
          INSERT INTO participantAnswer (workshopID, participantKey, questionID, value, seconds, answeredAt)
          VALUES (\(id), \(participantKey), \(question), \(StoredAnswer.encode(value)), \(answers.seconds[question]),
            \(time))
          """)
    }
  }

  /// Adds a participant unless their name (in any case) is on the roster; `true` when added.
  static func insertParticipant(
    _ db: Database, workshop id: Int64, name: String, importedFrom: String?, at time: Date
  ) throws -> Bool {
    try db.execute(
      literal: """
        INSERT INTO participant (workshopID, nameKey, name, rosterIndex, importedFrom, addedAt)
        VALUES (\(id), \(key(name)), \(name),
          (SELECT coalesce(max(rosterIndex), -1) + 1 FROM participant WHERE workshopID = \(id)),
          \(importedFrom), \(time))
        ON CONFLICT (workshopID, nameKey) DO NOTHING
        """)
    return db.changesCount > 0
  }

  /// The roster key of a participant, or `StoreError.notFound` when they or the workshop are missing.
  func requireParticipant(_ db: Database, workshop id: Int64, name: String) throws -> String {
    try requireSession(db, id, kind: .workshop)
    let participantKey = Self.key(name) ?? name
    let onRoster = try db.fetchValue(
      Bool.self, "SELECT EXISTS (SELECT 1 FROM participant WHERE workshopID = \(id) AND nameKey = \(participantKey))")
    guard onRoster == true else {
      throw StoreError.notFound(path: path, what: "participant '\(name)' in workshop \(id)")
    }
    return participantKey
  }

  /// Marks a session as changed now.
  static func touch(_ db: Database, _ id: Int64, at time: Date) throws {
    try db.execute(literal: "UPDATE session SET updatedAt = \(time) WHERE id = \(id)")
  }
}
