import Foundation
import RolefitCore
import RolefitStore
import Testing

/// A database the user cannot write can still be listed, shown and exported.
@Suite struct ReadOnlyStoreTests {
  @Test func aReadOnlyOpeningListsSessionsAndRefusesWrites() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let id = try Store(path: path).startAssessment(packID: "p", packVersion: "1", person: nil)
    let reading = try Store(readingOnly: path)
    #expect(try reading.sessions().map(\.id) == [id])
    #expect(try reading.session(id) != nil)
    #expect(throws: StoreError.self) { try reading.startAssessment(packID: "p", packVersion: "1", person: nil) }
  }

  @Test func aReadOnlyOpeningOfNoFileSaysSo() throws {
    let folder = try TemporaryFolder()
    #expect(throws: StoreError.notFound(path: folder.file("none.sqlite"), what: "database")) {
      try Store(readingOnly: folder.file("none.sqlite"))
    }
  }
}
