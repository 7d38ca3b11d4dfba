import Foundation
import GRDB
import RolefitCore
import Testing

@testable import RolefitStore

/// A full or read-only disk while rolefit runs: a clear `StoreError`, and what was saved stays.
///
/// SQLite's own limits stand in for the disk, so the tests run as root too: `max_page_count`
/// makes it report SQLITE_FULL, `query_only` SQLITE_READONLY.
@Suite struct StoreFaultTests {
  @Test func aFullDiskIsAClearErrorAndEarlierAnswersStay() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    let run = try Fixtures.run(answering: 3)
    try store.saveAnswers(session: id, run: run)
    try store.pool.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
    let huge = AnalysedPosting(
      id: "big", title: nil, text: String(repeating: "Own the program roadmap. ", count: 20_000), packID: "p",
      packVersion: "1", role: "program-manager", band: "strong", confidence: 0.9, resultJSON: "{}")
    #expect(throws: StoreError.unavailable(path: path, reason: "the disk is full")) { try store.savePosting(huge) }
    #expect(try store.session(id)?.answers == run.answers)
    #expect(try store.sessions().count == 1)
    #expect(
      StoreError.unavailable(path: path, reason: "the disk is full").description
        == "cannot use \(path): the disk is full.")
  }

  @Test func aReadOnlyDatabaseIsAClearError() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
    #expect(throws: StoreError.readOnly(path: path)) {
      try store.saveAnswers(session: id, run: try Fixtures.run(answering: 2))
    }
    #expect(throws: StoreError.readOnly(path: path)) {
      try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    }
    #expect(try store.sessions().map(\.id) == [id])
  }

  @Test func everyMessageNamesTheFile() {
    let path = "/home/ana/.local/share/rolefit/rolefit.sqlite"
    let errors: [StoreError] = [
      .notADatabase(path: path), .foreignDatabase(path: path), .newerSchema(path: path, found: 3, supported: 1),
      .insecurePermissions(path: path, mode: "mode 0666", fix: "chmod 600 \(path)"), .readOnly(path: path),
      .cannotCreate(path: path, reason: "permission denied"), .notFound(path: path, what: "session 4"),
      .workshopExists(path: path, name: "Kick-off"), .unavailable(path: path, reason: "the disk is full"),
    ]
    for error in errors {
      #expect(error.description.contains(path), "\(error)")
      #expect(error.path == path)
      #expect(!error.description.contains("\n"))
    }
  }
}
