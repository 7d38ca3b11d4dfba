import Foundation
import GRDB
import RolefitCore
import Synchronization
import Testing

@testable import RolefitStore

/// Two writers on one file at once (an assessment and a workshop import): both succeed, nothing lost.
@Suite struct ConcurrentWriterTests {
  static let sqliteShell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func twoStoresWritingFromTwoThreadsLoseNothing() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let pack = try Fixtures.pack
    let assessing = try Store(path: path)
    let importing = try Store(path: path)
    let session = try assessing.startAssessment(packID: pack.id, packVersion: pack.version, person: "Ana")
    let workshop = try importing.createWorkshop(
      name: "Import", agendaID: "calibration", packID: pack.id, packVersion: pack.version)
    let answers = 40
    let imports = 60

    let finalRun = Shared<AssessmentRun?>(nil)
    let errors = onSeparateThreads([
      {
        var run = AssessmentRun(pack: pack)
        for index in 0..<answers {
          guard let question = run.current else { break }
          run.answer(Fixtures.answer(to: question, seed: index), seconds: 1)
          try assessing.saveAnswers(session: session, run: run)
        }
        finalRun.update { $0 = run }
      },
      {
        for index in 0..<imports {
          let name = "Participant \(index)"
          _ = try importing.addParticipant(workshop: workshop, name: name, importedFrom: "p\(index).yaml")
          try importing.recordVote(workshop: workshop, item: index % 3, round: 1, participant: name, option: "a")
          try importing.addNote(workshop: workshop, item: 0, text: "note \(index)")
        }
      },
    ])
    #expect(errors == [])
    let run = try #require(finalRun.value)

    let check = try Store(path: path)
    #expect(try check.session(session)?.answers == run.answers)
    #expect(run.answers.values.count == min(answers, run.questions.count))
    let record = try #require(try check.workshop(id: workshop))
    #expect(record.participants.count == imports)
    #expect(record.votes.count == imports)
    #expect(record.notes.map(\.text) == (0..<imports).map { "note \($0)" })
  }

  @Test func manyProcessesOpeningANewFileAtOnceAllMigrateIt() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("new/rolefit.sqlite")
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 12) { index in
      do {
        let store = try Store(path: path)
        _ = try store.startAssessment(packID: "p", packVersion: "1", person: "\(index)")
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])
    #expect(try Store(path: path).sessions().count == 12)
  }

  @Test(.enabled(if: sqliteShell != nil, "needs the sqlite3 shell as the other process"))
  func anotherProcessHoldingTheWriteLockLosesNothing() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let workshop = try store.createWorkshop(name: "W", agendaID: "a", packID: "p", packVersion: "1")
    let session = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    let notes = 300  // lock-holding transactions of the other process

    // The other process takes the write lock 300 times, doing some work while it holds it, and
    // waits up to 5 s for the lock as rolefit does. (It cannot write rolefit's rows: their
    // triggers call rolefit's checksum function, which the shell does not have.)
    let child = Process()
    child.executableURL = URL(fileURLWithPath: try #require(Self.sqliteShell))
    child.arguments = [path]
    let input = Pipe()
    let errors = Pipe()
    let output = Pipe()
    child.standardInput = input
    child.standardOutput = output
    child.standardError = errors
    try child.run()
    var script = ".timeout 5000\n"
    for _ in 0..<notes {
      script += """
        BEGIN IMMEDIATE;
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 20000) SELECT count(*) FROM c;
        COMMIT;

        """
    }
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()

    var run = try Fixtures.run(answering: 0)
    var saves = 0
    while let question = run.current {
      run.answer(Fixtures.answer(to: question, seed: saves), seconds: 1)
      try store.saveAnswers(session: session, run: run)
      saves += 1
    }
    child.waitUntilExit()
    let childErrors = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(child.terminationStatus == 0 && childErrors.isEmpty, "\(childErrors)")
    let held = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(held.split(separator: "\n").count == notes)
    #expect(try store.session(session)?.answers == run.answers)
    #expect(try store.workshop(id: workshop)?.notes.isEmpty == true)
  }
}
