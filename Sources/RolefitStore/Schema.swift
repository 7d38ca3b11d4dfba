internal import GRDB

/// The database schema: GRDB migrations, numbered from 1, each recorded in `PRAGMA user_version`.
///
/// A migration, once released, never changes: a new version of the schema is a new migration
/// appended to `steps`. `Store.schemaVersion` is the number of steps.
enum Schema {
  /// Marks the file as rolefit's in its header (`PRAGMA application_id`): "RFit".
  static let applicationID: Int32 = 0x5246_6974

  /// The migrations in order; the schema version after step `n` (from 1) is `n`.
  static let steps: [(id: String, migrate: @Sendable (Database) throws -> Void)] = [
    ("v1", createVersion1),
    ("v2", createVersion2),
    ("v3", RowChecksums.install),
    ("v4", createVersion4),
    ("v5", createVersion5),
  ]

  /// The step that added row checksums: every step after it sums the tables again, so a table
  /// or column it adds is covered.
  static let checksumsStep = 2

  /// A migrator that runs every step and records the version reached.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for (index, step) in steps.enumerated() {
      migrator.registerMigration(step.id) { db in
        try step.migrate(db)
        if index > checksumsStep { try RowChecksums.install(db) }
        try db.execute(sql: "PRAGMA user_version = \(index + 1)")
      }
    }
    return migrator
  }

  /// Version 5: who facilitates a workshop, and when its agenda's last item was left (where the
  /// last section's time ends in the record).
  private static func createVersion5(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE workshop ADD COLUMN facilitator TEXT;
        ALTER TABLE workshop ADD COLUMN endedAt DATETIME;
        """)
  }

  /// Version 4: workshops served to participants' devices, and rounds shown.
  ///
  /// The roster index makes adding a participant cost the same whatever the roster's size (the
  /// next place was found by reading every row of the workshop's roster).
  private static func createVersion4(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE INDEX participant_by_order ON participant (workshopID, rosterIndex);
        ALTER TABLE workshop ADD COLUMN joinToken TEXT;
        CREATE TABLE workshopReveal (
          workshopID INTEGER NOT NULL REFERENCES workshop (sessionID) ON DELETE CASCADE,
          item INTEGER NOT NULL,
          round INTEGER NOT NULL,
          PRIMARY KEY (workshopID, item, round)
        ) WITHOUT ROWID;
        CREATE TABLE workshopDevice (
          workshopID INTEGER NOT NULL,
          secret TEXT NOT NULL,
          participantKey TEXT NOT NULL,
          PRIMARY KEY (workshopID, secret),
          FOREIGN KEY (workshopID, participantKey)
            REFERENCES participant (workshopID, nameKey) ON DELETE CASCADE
        ) WITHOUT ROWID;
        """)
  }

  /// Version 2: when each workshop section started, for the timer after a resume and the report.
  private static func createVersion2(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE workshopSection (
          workshopID INTEGER NOT NULL REFERENCES workshop (sessionID) ON DELETE CASCADE,
          section INTEGER NOT NULL,
          startedAt DATETIME NOT NULL,
          PRIMARY KEY (workshopID, section)
        ) WITHOUT ROWID;
        """)
  }

  /// Version 1: sessions of every kind, their answers, postings and workshops.
  ///
  /// Every kind of session shares the `session` table, so one list shows them all and deleting
  /// a session cascades to everything it owns. Dates are GRDB's UTC text; answers are small JSON.
  private static func createVersion1(_ db: Database) throws {
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    try db.execute(
      sql: """
        CREATE TABLE session (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('assessment', 'workshop', 'posting')),
          title TEXT,
          packID TEXT,
          packVersion TEXT,
          person TEXT,
          personKey TEXT,
          startedAt DATETIME NOT NULL,
          updatedAt DATETIME NOT NULL,
          finishedAt DATETIME,
          position INTEGER NOT NULL DEFAULT 0,
          answered INTEGER NOT NULL DEFAULT 0,
          total INTEGER NOT NULL DEFAULT 0,
          role TEXT,
          band TEXT,
          confidence REAL,
          resultJSON TEXT
        );
        CREATE INDEX session_by_kind ON session (kind, finishedAt, updatedAt);
        CREATE INDEX session_by_update ON session (updatedAt);

        CREATE TABLE answer (
          sessionID INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
          questionID TEXT NOT NULL,
          value TEXT NOT NULL,
          seconds REAL,
          answeredAt DATETIME NOT NULL,
          PRIMARY KEY (sessionID, questionID)
        ) WITHOUT ROWID;

        CREATE TABLE posting (
          sessionID INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
          postingID TEXT NOT NULL,
          text TEXT NOT NULL
        );

        CREATE TABLE workshop (
          sessionID INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          nameKey TEXT NOT NULL UNIQUE,
          agendaID TEXT NOT NULL,
          currentItem INTEGER NOT NULL DEFAULT 0,
          currentRound INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE participant (
          workshopID INTEGER NOT NULL REFERENCES workshop (sessionID) ON DELETE CASCADE,
          nameKey TEXT NOT NULL,
          name TEXT NOT NULL,
          rosterIndex INTEGER NOT NULL,
          importedFrom TEXT,
          addedAt DATETIME NOT NULL,
          PRIMARY KEY (workshopID, nameKey)
        ) WITHOUT ROWID;

        CREATE TABLE vote (
          workshopID INTEGER NOT NULL,
          item INTEGER NOT NULL,
          round INTEGER NOT NULL,
          participantKey TEXT NOT NULL,
          option TEXT NOT NULL,
          votedAt DATETIME NOT NULL,
          PRIMARY KEY (workshopID, item, round, participantKey),
          FOREIGN KEY (workshopID, participantKey)
            REFERENCES participant (workshopID, nameKey) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE participantAnswer (
          workshopID INTEGER NOT NULL,
          participantKey TEXT NOT NULL,
          questionID TEXT NOT NULL,
          value TEXT NOT NULL,
          seconds REAL,
          answeredAt DATETIME NOT NULL,
          PRIMARY KEY (workshopID, participantKey, questionID),
          FOREIGN KEY (workshopID, participantKey)
            REFERENCES participant (workshopID, nameKey) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE note (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          workshopID INTEGER NOT NULL REFERENCES workshop (sessionID) ON DELETE CASCADE,
          item INTEGER NOT NULL,
          text TEXT NOT NULL,
          writtenAt DATETIME NOT NULL
        );
        CREATE INDEX note_by_workshop ON note (workshopID, item);
        """)
  }

  /// What a read-only look at an existing file found, before anything writes to it.
  struct Inspection: Sendable {
    var problems: [String]
    var applicationID: Int32
    var userVersion: Int
    var objectCount: Int
    var supersededByNewerMigrations: Bool
    /// Tables whose rows no longer match their checksums.
    var changedRows: [RowChecksums.Mismatch]
  }

  /// Looks at an existing database through a read-only connection, which cannot change it.
  ///
  /// - Throws: `StoreError.notADatabase` for a file that is not SQLite or fails SQLite's quick
  ///   check, `.changedRows` for rows that no longer match their checksums, `.foreignDatabase` for another program's database, `.newerSchema` for a database
  ///   a newer rolefit wrote.
  static func inspect(path: String) throws(StoreError) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(Store.busyTimeout)
    configuration.label = "rolefit.inspect"
    Store.registerFunctions(in: &configuration)
    let inspection: Inspection
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      inspection = try queue.read { db in
        let hasMigrations = try db.tableExists("grdb_migrations")
        return Inspection(
          problems: try String.fetchAll(db, sql: "PRAGMA quick_check"),
          applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
          userVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
          // GRDB's migrator creates its table before it runs `v1` in a transaction of its own, so
          // a file another rolefit is creating right now may hold that table alone, with the
          // index of its primary key (whose `tbl_name` is the table's).
          objectCount: try Int.fetchOne(
            db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0,
          supersededByNewerMigrations: hasMigrations ? try migrator.hasBeenSuperseded(db) : false,
          changedRows: try RowChecksums.verify(db))
      }
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
    guard inspection.problems == ["ok"] else { throw .notADatabase(path: path) }
    // An SQLite file with nothing in it (yet) is as good as a new one.
    if inspection.objectCount == 0 && inspection.applicationID == 0 { return }
    guard inspection.applicationID == applicationID else { throw .foreignDatabase(path: path) }
    let supported = Store.schemaVersion
    if inspection.userVersion > supported || inspection.supersededByNewerMigrations {
      throw .newerSchema(path: path, found: max(inspection.userVersion, supported + 1), supported: supported)
    }
    if let first = inspection.changedRows.first {
      throw .changedRows(path: path, table: first.table, rows: inspection.changedRows.reduce(0) { $0 + $1.rows })
    }
  }
}
