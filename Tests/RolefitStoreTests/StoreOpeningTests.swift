import Foundation
import GRDB
import RolefitCore
import Testing

@testable import RolefitStore

/// Where the database goes, how it is created, and what opening refuses.
@Suite struct StoreOpeningTests {
  @Test func defaultPathHonoursROLEFIT_DBThenXDGDataHomeThenHome() {
    let all = ["ROLEFIT_DB": "/data/mine.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ana"]
    #expect(Store.defaultPath(environment: all) == "/data/mine.sqlite")
    #expect(Store.defaultPath(environment: all.merging(["ROLEFIT_DB": ""]) { $1 }) == "/xdg/rolefit/rolefit.sqlite")
    #expect(Store.defaultPath(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/share/rolefit/rolefit.sqlite")
    // The XDG specification says a relative XDG_DATA_HOME is invalid and must be ignored.
    #expect(
      Store.defaultPath(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ana"])
        == "/home/ana/.local/share/rolefit/rolefit.sqlite")
    #expect(Store.defaultPath(environment: [:]) == nil)
  }

  @Test func aNewDatabaseIsPrivateWALAndAtTheCurrentSchema() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("deep/rolefit/rolefit.sqlite")
    let store = try Store(path: path)
    _ = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    #expect(Fixtures.mode(folder.file("deep")) == 0o700)
    #expect(Fixtures.mode(folder.file("deep/rolefit")) == 0o700)
    #expect(Fixtures.mode(path) == 0o600)
    // SQLite gives the WAL and shared-memory files the database's own mode.
    #expect(Fixtures.mode(path + "-wal") == 0o600)
    #expect(Fixtures.mode(path + "-shm") == 0o600)
    let check = try DatabaseQueue(path: path)
    let header = try check.read { db in
      (
        journal: try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        version: try Int.fetchOne(db, sql: "PRAGMA user_version"),
        application: try Int32.fetchOne(db, sql: "PRAGMA application_id"),
        migrations: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      )
    }
    #expect(header.journal == "wal")
    #expect(header.version == Store.schemaVersion)
    #expect(header.application == Schema.applicationID)
    #expect(header.migrations == ["v1", "v2", "v3", "v4", "v5"])
    // An answer is durable when saveAnswers returns, power cut included.
    let synchronous = try store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
    #expect(synchronous == 2)
  }

  @Test func theSchemaVersionIsTheNumberOfMigrations() {
    #expect(Schema.steps.count == Store.schemaVersion)
    #expect(Schema.migrator.migrations == Schema.steps.map(\.id))
  }

  @Test func anEmptyFileIsANewDatabase() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o600]))
    let store = try Store(path: path)
    #expect(try store.sessions().isEmpty)
    #expect(try store.startAssessment(packID: "p", packVersion: "1", person: nil) == 1)
  }

  /// Another rolefit opening the same new file has created GRDB's migrations table (and the
  /// index of its primary key) but not yet committed `v1`: the file is ours, not another program's.
  @Test func aFileAnotherRolefitIsCreatingRightNowIsOpened() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let other = try DatabaseQueue(path: path)
    try other.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    }
    try other.close()
    let store = try Store(path: path)
    #expect(try store.startAssessment(packID: "p", packVersion: "1", person: nil) == 1)
  }

  @Test func aFileOthersCanWriteIsRefusedWithTheFix() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    _ = try Store(path: path)
    for mode in [0o660, 0o666, 0o602] {
      #expect(chmod(path, mode_t(mode)) == 0)
      let expected = StoreError.insecurePermissions(
        path: path, mode: "mode 0" + String(mode, radix: 8), fix: "chmod 600 " + path)
      #expect(throws: expected) { try Store(path: path) }
    }
    #expect(chmod(path, 0o600) == 0)
    // A WAL file someone else left, open to all.
    #expect(FileManager.default.createFile(atPath: path + "-wal", contents: Data()))
    #expect(chmod(path + "-wal", 0o666) == 0)
    #expect(
      throws: StoreError.insecurePermissions(path: path + "-wal", mode: "mode 0666", fix: "chmod 600 \(path)-wal")
    ) {
      try Store(path: path)
    }
    #expect(chmod(path + "-wal", 0o600) == 0)
    // Readable by others is their business; writable is not.
    #expect(chmod(path, 0o644) == 0)
    _ = try Store(path: path)
  }

  @Test func aFolderOthersCanWriteIsRefusedBeforeAnythingIsCreated() throws {
    let folder = try TemporaryFolder()
    let shared = folder.file("shared folder")
    #expect(mkdir(shared, 0o700) == 0 && chmod(shared, 0o777) == 0)
    let path = (shared as NSString).appendingPathComponent("rolefit.sqlite")
    #expect(throws: StoreError.insecurePermissions(path: shared, mode: "mode 0777", fix: "chmod go-w '\(shared)'")) {
      try Store(path: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    let error = StoreError.insecurePermissions(path: shared, mode: "mode 0777", fix: "chmod go-w '\(shared)'")
    #expect(error.description.hasPrefix("\(shared) can be written by other users (mode 0777)"))
    #expect(error.description.hasSuffix("Fix it with: chmod go-w '\(shared)'"))
  }

  @Test func aPathUnderARegularFileCannotBeCreated() throws {
    let folder = try TemporaryFolder()
    let blocker = folder.file("not-a-folder")
    #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
    let path = blocker + "/rolefit/rolefit.sqlite"
    #expect(throws: StoreError.cannotCreate(path: path, reason: "\(blocker) is not a folder")) {
      try Store(path: path)
    }
    #expect(Fixtures.bytes(blocker) == Data("x".utf8))
  }

  @Test(
    .disabled(if: Fixtures.runningAsRoot, "root ignores permission bits; the fault tests cover SQLITE_READONLY"))
  func aReadOnlyFileOrFolderIsReported() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    _ = try Store(path: path)
    #expect(chmod(path, 0o400) == 0)
    #expect(throws: StoreError.readOnly(path: path)) { try Store(path: path) }
    #expect(chmod(path, 0o600) == 0 && chmod(folder.path, 0o500) == 0)
    #expect(throws: StoreError.readOnly(path: folder.path)) { try Store(path: path) }
    #expect(throws: StoreError.self) { try Store(path: folder.file("new.sqlite")) }
  }

  @Test func aVersion1DatabaseIsMigratedKeepingItsSessions() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    do {
      let store = try Store(path: path)
      _ = try store.createWorkshop(
        name: "Kick-off", agendaID: "intro", packID: "p", packVersion: "1", participants: ["Ana"])
    }
    // Turn the file back into what rolefit's first schema wrote.
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "DROP TABLE workshopSection")
      for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
        try db.execute(sql: "DROP TRIGGER \(trigger.quotedDatabaseIdentifier)")
      }
      try db.execute(sql: "DROP TABLE rowChecksum")
      try db.execute(
        sql: """
          DROP TABLE workshopReveal; DROP TABLE workshopDevice; DROP INDEX participant_by_order;
          ALTER TABLE workshop DROP COLUMN joinToken;
          ALTER TABLE workshop DROP COLUMN facilitator; ALTER TABLE workshop DROP COLUMN endedAt
          """)
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3', 'v4', 'v5')")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    try queue.close()
    let store = try Store(path: path)
    let workshop = try #require(try store.workshop(named: "Kick-off"))
    try store.startSection(workshop: workshop.id, section: 0, at: Date(timeIntervalSince1970: 1_800_000_000))
    let reread = try #require(try store.workshop(named: "kick-off"))
    #expect(reread.participants.map(\.name) == ["Ana"])
    #expect(reread.sectionsStarted[0] == Date(timeIntervalSince1970: 1_800_000_000))
    #expect(reread.summary.facilitator == nil && reread.summary.ended == nil)
    let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    #expect(version == Store.schemaVersion)
    // The rows the first schema kept were summed on the way: the file opens clean, read-only too.
    #expect(try Store(readingOnly: path).workshop(named: "Kick-off")?.participants.map(\.name) == ["Ana"])
  }
}
