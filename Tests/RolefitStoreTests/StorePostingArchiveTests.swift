import Foundation
import RolefitCore
import Testing

@testable import RolefitStore

/// The `PostingArchive` the REPL's `jd` uses: each analysis kept as a finished posting session.
@Suite struct StorePostingArchiveTests {
  @Test func anAnalysedPostingIsKeptWithItsFitAndPack() throws {
    let folder = try TemporaryFolder()
    let pack = try Fixtures.pack
    let store = try Store(path: folder.file("rolefit.sqlite"))
    let text = """
      Responsibilities
      - Own the program roadmap across multiple projects and manage the interdependencies between them.
      - Run program governance with a steering committee and report to executive stakeholders.
      """
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(
      Posting(id: "acme-42", text: text, title: "Program Manager"))
    try StorePostingArchive(store: store, pack: pack).save(analysis, resultJSON: #"{"id":"acme-42"}"#)

    let summary = try #require(try store.sessions(kind: .posting).first)
    #expect(summary.title == "Program Manager")
    #expect(summary.role == analysis.fit.role && summary.band == analysis.fit.band)
    #expect(summary.confidence == analysis.fit.confidence)
    #expect(summary.packID == pack.id && summary.packVersion == pack.version)
    let record = try #require(try store.session(summary.id))
    #expect(record.posting == SessionRecord.Posting(id: "acme-42", text: analysis.text))
    #expect(record.resultJSON == #"{"id":"acme-42"}"#)
  }
}
