import Foundation
internal import GRDB
import RolefitCore

/// Assessment sessions: started, saved after every answer, finished, listed, resumed, deleted.
extension Store {
  /// Starts an assessment session and returns its number.
  ///
  /// - Parameters:
  ///   - packID: The content pack's id; kept with the session, with its version.
  ///   - packVersion: The content pack's version.
  ///   - person: Whose assessment it is, for `history(person:)`; `nil` when no name was given.
  /// - Returns: The new session's number.
  /// - Throws: `StoreError` when the database cannot be written.
  public func startAssessment(packID: String, packVersion: String, person: String? = nil) throws(StoreError)
    -> Int64
  {
    let time = now()
    return try write { db in
      try db.execute(
        literal: """
          INSERT INTO session (kind, packID, packVersion, person, personKey, startedAt, updatedAt)
          VALUES ('assessment', \(packID), \(packVersion), \(person), \(Self.key(person)), \(time), \(time))
          """)
      return db.lastInsertedRowID
    }
  }

  /// Saves where an assessment is: the answers that changed since the last save, and the position.
  ///
  /// One transaction, meant to be called after every answer, skip or `back` and before the next
  /// question is shown: once it returns, the answer survives a crash of this process.
  /// A skipped question's earlier answer is removed.
  ///
  /// - Throws: `StoreError.notFound` when the session was deleted meanwhile.
  public func saveAnswers(session id: Int64, run: AssessmentRun) throws(StoreError) {
    let time = now()
    try write { db in
      try requireSession(db, id, kind: .assessment)
      try Self.syncAnswers(db, session: id, sheet: run.answers, at: time)
      try db.execute(
        literal: """
          UPDATE session SET position = \(run.position), answered = \(run.answeredCount),
            total = \(run.questions.count), updatedAt = \(time)
          WHERE id = \(id)
          """)
    }
  }

  /// Records a finished assessment: its final answers, the fit it found and the result as JSON.
  ///
  /// - Parameters:
  ///   - id: The session.
  ///   - report: The scored report; its fit fills the session list's role, band and confidence.
  ///   - resultJSON: The result as rendered for `--format json`, kept as is.
  /// - Throws: `StoreError.notFound` when the session was deleted meanwhile.
  public func finishAssessment(session id: Int64, report: AssessmentReport, resultJSON: String) throws(StoreError) {
    let time = now()
    let fit = report.result.fit
    try write { db in
      try requireSession(db, id, kind: .assessment)
      try Self.syncAnswers(db, session: id, sheet: report.answers, at: time)
      let answered = try db.fetchValue(Int.self, "SELECT count(*) FROM answer WHERE sessionID = \(id)") ?? 0
      try db.execute(
        literal: """
          UPDATE session SET finishedAt = \(time), updatedAt = \(time), answered = \(answered),
            packID = \(report.packID), packVersion = \(report.packVersion),
            role = \(fit.role), band = \(fit.band), confidence = \(fit.confidence), resultJSON = \(resultJSON)
          WHERE id = \(id)
          """)
    }
  }

  /// The most recently touched assessment that was not finished, to offer for resumption.
  ///
  /// - Parameter packID: Only sessions of this content pack; `nil` for any pack.
  /// - Returns: The session with its answers and position, or `nil` when there is none.
  /// - Throws: `StoreError` when the database cannot be read.
  public func unfinishedAssessment(packID: String? = nil) throws(StoreError) -> SessionRecord? {
    try read { db in
      let id = try db.fetchValue(
        Int64.self,
        """
        SELECT id FROM session
        WHERE kind = 'assessment' AND finishedAt IS NULL AND (\(packID) IS NULL OR packID = \(packID))
        ORDER BY updatedAt DESC, id DESC LIMIT 1
        """)
      return try id.flatMap { try Self.record(db, id: $0) }
    }
  }

  /// The most recently touched unfinished assessment of one person, to offer for resumption.
  ///
  /// - Parameters:
  ///   - person: Whose, compared case-insensitively; `nil` for the assessments given no name.
  ///   - packID: Only sessions of this content pack.
  /// - Returns: The session with its answers and position, or `nil` when there is none.
  /// - Throws: `StoreError` when the database cannot be read.
  public func unfinishedAssessment(of person: String?, packID: String) throws(StoreError) -> SessionRecord? {
    let key = Self.key(person)
    return try read { db in
      let id = try db.fetchValue(
        Int64.self,
        """
        SELECT id FROM session
        WHERE kind = 'assessment' AND finishedAt IS NULL AND packID = \(packID) AND personKey IS \(key)
        ORDER BY updatedAt DESC, id DESC LIMIT 1
        """)
      return try id.flatMap { try Self.record(db, id: $0) }
    }
  }

  /// The last finished assessment of one person, to show its result again after a restart.
  ///
  /// - Parameter person: Whose, compared case-insensitively; `nil` for the assessments given no name.
  /// - Returns: The session with its answers, or `nil` when there is none.
  /// - Throws: `StoreError` when the database cannot be read.
  public func lastFinishedAssessment(of person: String?) throws(StoreError) -> SessionRecord? {
    let key = Self.key(person)
    return try read { db in
      let id = try db.fetchValue(
        Int64.self,
        """
        SELECT id FROM session
        WHERE kind = 'assessment' AND finishedAt IS NOT NULL AND personKey IS \(key)
        ORDER BY finishedAt DESC, id DESC LIMIT 1
        """)
      return try id.flatMap { try Self.record(db, id: $0) }
    }
  }

  /// Every session, newest first.
  ///
  /// - Parameters:
  ///   - kind: Only sessions of this kind; `nil` for all.
  ///   - person: Only this person's, compared case-insensitively; `nil` for everyone's.
  /// - Returns: The sessions, the most recently started first.
  /// - Throws: `StoreError` when the database cannot be read.
  public func sessions(kind: SessionKind? = nil, person: String? = nil) throws(StoreError) -> [SessionSummary] {
    let key = Self.key(person)
    return try read { db in
      try db.fetchRows(
        """
        SELECT \(sql: Self.summaryColumns) FROM session
        WHERE (\(kind?.rawValue) IS NULL OR kind = \(kind?.rawValue)) AND (\(key) IS NULL OR personKey = \(key))
        ORDER BY startedAt DESC, id DESC
        """
      ).map(Self.summary)
    }
  }

  /// A session in full, or `nil` when there is none with that number.
  public func session(_ id: Int64) throws(StoreError) -> SessionRecord? {
    try read { db in try Self.record(db, id: id) }
  }

  /// Finished assessments, oldest first: how a person's fit moved over time.
  ///
  /// - Parameter person: Only this person's, compared case-insensitively; `nil` for everyone's.
  /// - Returns: The finished assessments, the first finished first.
  /// - Throws: `StoreError` when the database cannot be read.
  public func history(person: String? = nil) throws(StoreError) -> [SessionSummary] {
    let key = Self.key(person)
    return try read { db in
      try db.fetchRows(
        """
        SELECT \(sql: Self.summaryColumns) FROM session
        WHERE kind = 'assessment' AND finishedAt IS NOT NULL AND (\(key) IS NULL OR personKey = \(key))
        ORDER BY finishedAt ASC, id ASC
        """
      ).map(Self.summary)
    }
  }

  /// Deletes a session of any kind with everything it owns.
  ///
  /// - Returns: `false` when there was no such session.
  public func deleteSession(_ id: Int64) throws(StoreError) -> Bool {
    try write { db in
      try db.execute(literal: "DELETE FROM session WHERE id = \(id)")
      return db.changesCount > 0
    }
  }

  /// Deletes every session, of any kind and finished or not, last touched before a date.
  ///
  /// - Returns: How many sessions were deleted.
  public func purge(before date: Date) throws(StoreError) -> Int {
    try write { db in
      try db.execute(literal: "DELETE FROM session WHERE updatedAt < \(date)")
      return db.changesCount
    }
  }

  // MARK: - Rows

  /// The columns `summary(_:)` reads.
  static let summaryColumns = """
    id, kind, title, person, packID, packVersion, startedAt, updatedAt, finishedAt, answered, total, role, band, \
    confidence
    """

  /// A session row as a summary.
  static func summary(_ row: Row) -> SessionSummary {
    SessionSummary(
      id: row["id"], kind: SessionKind(rawValue: row["kind"]) ?? .assessment, title: row["title"],
      person: row["person"], packID: row["packID"], packVersion: row["packVersion"], started: row["startedAt"],
      updated: row["updatedAt"], finished: row["finishedAt"], answered: row["answered"], total: row["total"],
      role: row["role"], band: row["band"], confidence: row["confidence"])
  }

  /// A session with its answers and posting.
  static func record(_ db: Database, id: Int64) throws -> SessionRecord? {
    guard
      let row = try db.fetchRow("SELECT \(sql: summaryColumns), position, resultJSON FROM session WHERE id = \(id)")
    else { return nil }
    let posting = try db.fetchRow("SELECT postingID, text FROM posting WHERE sessionID = \(id)").map {
      SessionRecord.Posting(id: $0["postingID"], text: $0["text"])
    }
    return SessionRecord(
      summary: summary(row), answers: try answers(db, session: id), position: row["position"],
      resultJSON: row["resultJSON"], posting: posting)
  }

  /// The answers of a session; a row whose JSON cannot be read is left out, to be asked again.
  static func answers(_ db: Database, session id: Int64) throws -> AnswerSheet {
    var sheet = AnswerSheet()
    for row in try db.fetchRows("SELECT questionID, value, seconds FROM answer WHERE sessionID = \(id)") {
      let question: String = row["questionID"]
      guard let value = StoredAnswer.decode(row["value"]) else { continue }
      sheet.values[question] = value
      if let seconds: Double = row["seconds"] { sheet.seconds[question] = seconds }
    }
    return sheet
  }

  /// Writes the answers that differ from the stored ones, and removes those no longer given.
  static func syncAnswers(_ db: Database, session id: Int64, sheet: AnswerSheet, at time: Date) throws {
    var stored: [String: (value: String, seconds: Double?)] = [:]
    for row in try db.fetchRows("SELECT questionID, value, seconds FROM answer WHERE sessionID = \(id)") {
      stored[row["questionID"]] = (row["value"], row["seconds"])
    }
    for (question, value) in sheet.values {
      let json = StoredAnswer.encode(value)
      let seconds = sheet.seconds[question]
      if let old = stored[question], old.value == json, old.seconds == seconds { continue }
      try db.execute(
        literal: """
          INSERT INTO answer (sessionID, questionID, value, seconds, answeredAt)
          VALUES (\(id), \(question), \(json), \(seconds), \(time))
          ON CONFLICT (sessionID, questionID)
          DO UPDATE SET value = excluded.value, seconds = excluded.seconds, answeredAt = excluded.answeredAt
          """)
    }
    for question in stored.keys where sheet.values[question] == nil {
      try db.execute(literal: "DELETE FROM answer WHERE sessionID = \(id) AND questionID = \(question)")
    }
  }

  /// Throws `StoreError.notFound` unless a session of that kind exists.
  func requireSession(_ db: Database, _ id: Int64, kind: SessionKind) throws {
    let found = try db.fetchValue(String.self, "SELECT kind FROM session WHERE id = \(id)")
    guard found == kind.rawValue else { throw StoreError.notFound(path: path, what: "\(kind.rawValue) session \(id)") }
  }

  /// The form of a name that comparisons use: trimmed and lower-cased.
  static func key(_ name: String?) -> String? {
    name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
  }
}
