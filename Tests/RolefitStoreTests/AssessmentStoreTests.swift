import Foundation
import GRDB
import RolefitCore
import Testing

@testable import RolefitStore

/// Assessment sessions: every answer kept as it is given, resumed, finished, listed, deleted.
@Suite struct AssessmentStoreTests {
  @Test func everySavedAnswerSurvivesWhenTheProcessDiesWithoutClosing() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let pack = try Fixtures.pack
    let writer = try Store(path: path)
    let id = try writer.startAssessment(packID: pack.id, packVersion: pack.version, person: "Ana")
    var run = AssessmentRun(pack: pack)
    for index in 0..<12 {
      let question = try #require(run.current)
      if index == 4 {
        run.skip()
      } else {
        run.answer(Fixtures.answer(to: question, seed: index), seconds: Double(index) + 1.25)
      }
      try writer.saveAnswers(session: id, run: run)
    }
    // `back` to question 12 and `skip` it: its saved answer must go too.
    run.back()
    run.skip()
    try writer.saveAnswers(session: id, run: run)
    run.back()
    try writer.saveAnswers(session: id, run: run)

    // `writer` is still open, as in a process that crashed: a new store sees what was committed.
    let reader = try Store(path: path)
    let record = try #require(try reader.session(id))
    #expect(record.answers == run.answers)
    #expect(record.answers.values.count == 10)
    #expect(record.answers.seconds[run.questions[0].id] == 1.25)
    #expect(record.answers[run.questions[4].id] == nil && record.answers[run.questions[11].id] == nil)
    #expect(record.position == run.position && record.position == 11)
    #expect(record.summary.packID == pack.id && record.summary.packVersion == pack.version)
    #expect(record.summary.person == "Ana")
    #expect(record.summary.answered == 10 && record.summary.total == run.questions.count)
    #expect(!record.summary.isFinished && record.resultJSON == nil)
    #expect(try reader.unfinishedAssessment(packID: pack.id)?.id == id)
    #expect(try reader.unfinishedAssessment(packID: "another-pack") == nil)
    let resumed = AssessmentRun(pack: pack, answers: record.answers, position: record.position)
    #expect(resumed.current == run.current && resumed.answeredCount == run.answeredCount)
    withExtendedLifetime(writer) {}
  }

  @Test func answersAreStoredAsSmallJSON() throws {
    #expect(StoredAnswer.encode(.choice("b")) == #"{"choice":"b"}"#)
    #expect(StoredAnswer.encode(.choices(["a", "b"])) == #"{"choices":["a","b"]}"#)
    #expect(StoredAnswer.encode(.number(40)) == #"{"number":40}"#)
    #expect(StoredAnswer.encode(.number(2.5)) == #"{"number":2.5}"#)
    for value in [AnswerValue.choice("b"), .choices([]), .choices(["a", "b"]), .number(40), .number(-0.125)] {
      #expect(StoredAnswer.decode(StoredAnswer.encode(value)) == value)
    }
    #expect(StoredAnswer.decode(#"{"choice":"b","number":1}"#) == nil)
    #expect(StoredAnswer.decode("{}") == nil)
    #expect(StoredAnswer.decode("not json") == nil)

    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    let run = try Fixtures.run(answering: 1)
    try store.saveAnswers(session: id, run: run)
    let stored = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT value FROM answer") }
    #expect(stored == StoredAnswer.encode(try #require(run.answers[run.questions[0].id])))
  }

  @Test func onlyChangedAnswersAreRewritten() throws {
    let folder = try TemporaryFolder()
    let clock = TestClock()
    let store = try Store(path: folder.file("rolefit.sqlite"), now: clock.now)
    let id = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    var run = try Fixtures.run(answering: 3)
    try store.saveAnswers(session: id, run: run)
    let firstSave = clock.now()
    clock.advance(by: 60)
    let question = try #require(run.current)
    run.answer(Fixtures.answer(to: question), seconds: 2)
    try store.saveAnswers(session: id, run: run)
    let times = try store.pool.read { db in
      try Date.fetchAll(
        db, sql: "SELECT answeredAt FROM answer WHERE sessionID = ? ORDER BY answeredAt", arguments: [id])
    }
    #expect(times == [firstSave, firstSave, firstSave, clock.now()])
    #expect(try store.session(id)?.summary.updated == clock.now())
  }

  @Test func aFinishedAssessmentIsListedWithItsFitAndInHistory() throws {
    let folder = try TemporaryFolder()
    let clock = TestClock()
    let store = try Store(path: folder.file("rolefit.sqlite"), now: clock.now)
    let pack = try Fixtures.pack
    var finished: [Int64] = []
    for (index, person) in ["Ana", "Ben", "ana "].enumerated() {
      let id = try store.startAssessment(packID: pack.id, packVersion: pack.version, person: person)
      let run = try Fixtures.run(answering: 50, seed: index * 7)
      try store.saveAnswers(session: id, run: run)
      clock.advance(by: 3600)
      let report = AssessmentReport(pack: pack, answers: run.answers)
      try store.finishAssessment(session: id, report: report, resultJSON: #"{"fit":\#(index)}"#)
      finished.append(id)
      clock.advance(by: 3600)
    }
    let unfinished = try store.startAssessment(packID: pack.id, packVersion: pack.version, person: "Ana")

    #expect(try store.sessions().map(\.id) == [unfinished] + finished.reversed())
    #expect(try store.unfinishedAssessment()?.id == unfinished)
    let record = try #require(try store.session(finished[0]))
    let report = AssessmentReport(pack: pack, answers: record.answers)
    #expect(record.summary.role == report.result.fit.role)
    #expect(record.summary.band == report.result.fit.band)
    #expect(record.summary.confidence == report.result.fit.confidence)
    #expect(record.resultJSON == #"{"fit":0}"#)
    #expect(record.summary.finished == Date(timeIntervalSince1970: 1_795_000_000 + 3600))

    #expect(try store.history(person: "ANA").map(\.id) == [finished[0], finished[2]])
    #expect(try store.history().map(\.id) == finished)
    #expect(try store.history(person: "Carla").isEmpty)
  }

  @Test func deletingAndPurgingRemoveSessionsWithEverythingTheyOwn() throws {
    let folder = try TemporaryFolder()
    let clock = TestClock()
    let store = try Store(path: folder.file("rolefit.sqlite"), now: clock.now)
    let old = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    try store.saveAnswers(session: old, run: try Fixtures.run(answering: 4))
    let oldWorkshop = try store.createWorkshop(
      name: "Old", agendaID: "calibration", packID: "p", packVersion: "1", participants: ["Ana"])
    try store.recordVote(workshop: oldWorkshop, item: 0, round: 1, participant: "Ana", option: "a")
    clock.advance(by: 86_400 * 30)
    let cutoff = clock.now()
    let recent = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    try store.saveAnswers(session: recent, run: try Fixtures.run(answering: 2))

    #expect(try store.purge(before: cutoff) == 2)
    #expect(try store.sessions().map(\.id) == [recent])
    #expect(try store.deleteSession(recent))
    #expect(try !store.deleteSession(recent))
    #expect(try store.sessions().isEmpty)
    let leftovers = try store.pool.read { db in
      try ["answer", "workshop", "participant", "vote"].map { table in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
      }
    }
    #expect(leftovers == [0, 0, 0, 0])
  }

  @Test func savingToADeletedSessionSaysSo() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    #expect(try store.deleteSession(id))
    #expect(throws: StoreError.notFound(path: path, what: "assessment session \(id)")) {
      try store.saveAnswers(session: id, run: try Fixtures.run(answering: 1))
    }
    #expect(try store.session(id) == nil)
  }

  @Test func analysedPostingsAreKeptAsFinishedSessions() throws {
    let folder = try TemporaryFolder()
    let store = try Store(path: folder.file("rolefit.sqlite"))
    let postings = (1...3).map { index in
      AnalysedPosting(
        id: "job-\(index)", title: index == 2 ? nil : "Program Manager \(index)", text: "Own the roadmap \(index).",
        packID: "p", packVersion: "1.2", role: "program-manager", band: "leaning", confidence: 0.5 + Double(index) / 10,
        resultJSON: #"{"posting":\#(index)}"#)
    }
    let first = try store.savePosting(postings[0])
    let rest = try store.savePostings(Array(postings.dropFirst()))
    #expect(rest.count == 2 && Set(rest + [first]).count == 3)
    let record = try #require(try store.session(rest[0]))
    #expect(record.summary.kind == .posting && record.summary.isFinished)
    #expect(record.summary.title == "job-2")
    #expect(record.posting == SessionRecord.Posting(id: "job-2", text: "Own the roadmap 2."))
    #expect(record.summary.role == "program-manager" && record.summary.confidence == 0.7)
    #expect(record.resultJSON == #"{"posting":2}"#)
    #expect(try store.sessions(kind: .posting).count == 3)
    #expect(try store.sessions(kind: .assessment).isEmpty)
    #expect(try store.unfinishedAssessment() == nil)
  }
}
