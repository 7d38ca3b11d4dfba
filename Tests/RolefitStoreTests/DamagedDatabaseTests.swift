import Foundation
import GRDB
import RolefitCore
import Testing

@testable import RolefitStore

/// Files that are not a rolefit database, damaged, or from a newer rolefit: refused, untouched,
/// and moved aside only by `repair`.
@Suite struct DamagedDatabaseTests {
  /// 2026-11-24 01:15:00 local time.
  let repairTime: Date = {
    var parts = DateComponents()
    (parts.year, parts.month, parts.day, parts.hour, parts.minute) = (2026, 11, 24, 1, 15)
    return Calendar(identifier: .gregorian).date(from: parts) ?? Date()
  }()

  @Test func aFileThatIsNotSQLiteIsRefusedUntouchedAndRepairedOnlyWhenAsked() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let text = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
    #expect(FileManager.default.createFile(atPath: path, contents: text, attributes: [.posixPermissions: 0o600]))

    #expect(throws: StoreError.notADatabase(path: path)) { try Store(path: path) }
    #expect(throws: StoreError.notADatabase(path: path)) { try Store(path: path) }
    #expect(Fixtures.bytes(path) == text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rolefit.sqlite"])
    #expect(StoreError.notADatabase(path: path).description.hasPrefix("\(path) is not a rolefit database"))

    let moved = try #require(try Store.repair(path: path, now: repairTime))
    #expect(moved == path + ".corrupt-20261124T011500")
    #expect(Fixtures.bytes(moved) == text)
    #expect(!FileManager.default.fileExists(atPath: path))

    let store = try Store(path: path)
    #expect(try store.startAssessment(packID: "p", packVersion: "1", person: nil) == 1)
    #expect(Fixtures.bytes(moved) == text)
  }

  @Test func aDamagedDatabaseIsRefusedUntouchedAndRepairedWithItsSidecars() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    do {
      let store = try Store(path: path)
      for index in 0..<200 {
        let id = try store.startAssessment(packID: "p", packVersion: "1", person: "person \(index)")
        try store.saveAnswers(session: id, run: try Fixtures.run(answering: 5, seed: index))
      }
    }
    // Closing the last connection folded the WAL into the file; now scribble over its tables.
    var data = try #require(Fixtures.bytes(path))
    #expect(data.count > 4096 * 4)
    data.replaceSubrange(4096..<(4096 * 3), with: Data(repeating: 0xA5, count: 4096 * 2))
    try data.write(to: URL(fileURLWithPath: path))
    #expect(
      FileManager.default.createFile(atPath: path + "-wal", contents: Data(), attributes: [.posixPermissions: 0o600]))

    #expect(throws: StoreError.notADatabase(path: path)) { try Store(path: path) }
    #expect(Fixtures.bytes(path) == data)

    let first = try #require(try Store.repair(path: path, now: repairTime))
    #expect(first == path + ".corrupt-20261124T011500")
    #expect(Fixtures.bytes(first) == data)
    #expect(FileManager.default.fileExists(atPath: first + "-wal"))
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

    // A second repair in the same second does not overwrite the first.
    #expect(FileManager.default.createFile(atPath: path, contents: Data("junk".utf8), attributes: nil))
    #expect(try Store.repair(path: path, now: repairTime) == path + ".corrupt-20261124T011500-2")
    #expect(Fixtures.bytes(first) == data)
  }

  /// Saves one posting whose text holds `marker`, closes the store, and returns the file's bytes.
  func databaseWithPosting(at path: String, marker: String) throws -> Data {
    do {
      let store = try Store(path: path)
      _ = try store.savePosting(
        AnalysedPosting(
          id: "acme-7", title: "Project Manager", text: "Run the \(marker) rollout schedule and budget.",
          packID: "p", packVersion: "1", role: "project", band: "strong", confidence: 0.9, resultJSON: "{}"))
      _ = try store.startAssessment(packID: "p", packVersion: "1", person: "Ana")
    }
    return try #require(Fixtures.bytes(path))
  }

  @Test func aValueChangedInsideARowIsFoundWhenTheFileIsOpened() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    var data = try databaseWithPosting(at: path, marker: "QZXJ")
    // One byte of the saved posting's text, changed in the file as a bad disk or a hand would.
    let place = try #require(data.range(of: Data("QZXJ".utf8)))
    data[place.lowerBound] = UInt8(ascii: "W")
    try data.write(to: URL(fileURLWithPath: path))
    // SQLite's own check sees nothing wrong with the file's structure...
    var readOnly = Configuration()
    readOnly.readonly = true
    let problems = try DatabaseQueue(path: path, configuration: readOnly).read {
      try String.fetchAll($0, sql: "PRAGMA quick_check")
    }
    #expect(problems == ["ok"])
    // ...the row checksums do, for writing and for reading alike, and the file is left as it is.
    let expected = StoreError.changedRows(path: path, table: "posting", rows: 1)
    #expect(throws: expected) { try Store(path: path) }
    #expect(throws: expected) { try Store(readingOnly: path) }
    #expect(expected.description.hasPrefix("\(path) is damaged: a row (first in its posting table) no longer matches"))
    #expect(Fixtures.bytes(path) == data)
    // `repair` moves it aside like any damaged file.
    let moved = try #require(try Store.repair(path: path, now: repairTime))
    #expect(Fixtures.bytes(moved) == data)
    #expect(try Store(path: path).sessions().isEmpty)
  }

  @Test func everyByteOfASavedTextIsCovered() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let original = try databaseWithPosting(at: path, marker: "QZXJ")
    let text = try #require(original.range(of: Data("Run the QZXJ rollout schedule and budget.".utf8)))
    var found = 0
    for offset in text {
      var data = original
      data[offset] ^= 0x01
      try data.write(to: URL(fileURLWithPath: path))
      do {
        _ = try Store(readingOnly: path)
      } catch .changedRows(_, "posting", 1) {
        found += 1
      } catch {
        Issue.record("byte \(offset): \(error)")
      }
    }
    #expect(found == text.count)
  }

  @Test func rowsWrittenByRolefitAndRowsRemovedByItStayConsistent() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    _ = try databaseWithPosting(at: path, marker: "QZXJ")
    let store = try Store(path: path)
    let sessions = try store.sessions()
    #expect(sessions.count == 2)
    for session in sessions { #expect(try store.deleteSession(session.id)) }
    _ = try store.startAssessment(packID: "p", packVersion: "1", person: "Bo")
    #expect(try Store(readingOnly: path).sessions().count == 1)
  }

  @Test func aWriterWithoutRolefitsChecksumsCannotChangeARow() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    _ = try databaseWithPosting(at: path, marker: "QZXJ")
    let outsider = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) {
      try outsider.write { try $0.execute(sql: "UPDATE posting SET text = 'edited'") }
    }
    try outsider.close()
    #expect(try Store(path: path).sessions().count == 2)
  }

  @Test func repairLeavesAHealthyOrMissingDatabaseAlone() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    #expect(try Store.repair(path: path, now: repairTime) == nil)
    do {
      let store = try Store(path: path)
      _ = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    }
    #expect(try Store.repair(path: path, now: repairTime) == nil)
    #expect(try Store(path: path).sessions().count == 1)
  }

  @Test func aDatabaseFromANewerRolefitIsRefusedAndNeverDowngraded() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    do { _ = try Store(path: path) }
    do {
      let newer = try DatabaseQueue(path: path)
      try newer.write { db in
        try db.execute(sql: "CREATE TABLE futureThing (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        try db.execute(sql: "PRAGMA user_version = 99")
      }
    }
    let before = Fixtures.bytes(path)
    let expected = StoreError.newerSchema(path: path, found: 99, supported: Store.schemaVersion)
    #expect(throws: expected) { try Store(path: path) }
    #expect(
      expected.description
        == "\(path) was written by a newer rolefit (schema 99; this rolefit knows up to \(Store.schemaVersion)). Upgrade rolefit, or use --db for another file."
    )
    #expect(Fixtures.bytes(path) == before)
    // Not damaged, so repair refuses to move it too.
    #expect(throws: expected) { try Store.repair(path: path, now: repairTime) }
    let check = try DatabaseQueue(path: path)
    #expect(try check.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 99)
  }

  @Test func anotherProgramsDatabaseIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("photos.sqlite")
    do {
      let other = try DatabaseQueue(path: path)
      try other.write { db in
        try db.execute(sql: "CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photo VALUES (1, 'x')")
      }
    }
    #expect(chmod(path, 0o600) == 0)
    let before = Fixtures.bytes(path)
    #expect(throws: StoreError.foreignDatabase(path: path)) { try Store(path: path) }
    #expect(throws: StoreError.foreignDatabase(path: path)) { try Store.repair(path: path, now: repairTime) }
    #expect(Fixtures.bytes(path) == before)
  }
}
