import Foundation
import RolefitCore
import Testing

@testable import RolefitStore

/// The REPL's recorder: saves each answer, offers the unfinished run back, records the result.
@Suite struct StoreRecorderTests {
  @Test func anInterruptedAssessmentIsOfferedBackWhereItStopped() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let pack = try Fixtures.pack
    var run = AssessmentRun(pack: pack)
    do {
      let recorder = StoreRecorder(store: try Store(path: path), person: "Ana")
      #expect(recorder.resumableRun(pack: pack) == nil)
      for index in 0..<7 {
        let question = try #require(run.current)
        run.answer(Fixtures.answer(to: question, seed: index), seconds: 3)
        try recorder.save(run, pack: pack)
      }
      run.back()
      try recorder.save(run, pack: pack)
    }

    let recorder = StoreRecorder(store: try Store(path: path), person: "Ana")
    let resumed = try #require(recorder.resumableRun(pack: pack))
    #expect(resumed.run.answers == run.answers)
    #expect(resumed.run.position == run.position)
    #expect(resumed.when.count == "2026-11-24 01:15".count)

    // Going on saves into the same session, and finishing records the result.
    var going = resumed.run
    while let question = going.current {
      going.answer(Fixtures.answer(to: question, seed: 1), seconds: 1)
      try recorder.save(going, pack: pack)
    }
    let report = AssessmentReport(pack: pack, answers: going.answers)
    try recorder.finish(going, report: report, pack: pack)
    let sessions = try recorder.store.sessions()
    #expect(sessions.count == 1)
    let only = try #require(sessions.first)
    let record = try #require(try recorder.store.session(only.id))
    #expect(record.summary.isFinished && record.summary.person == "Ana")
    #expect(record.summary.role == report.result.fit.role)
    #expect(record.resultJSON?.contains("\"fit\"") == true)
    #expect(recorder.resumableRun(pack: pack) == nil)

    // The next assessment is a new session.
    try recorder.save(try Fixtures.run(answering: 1), pack: pack)
    #expect(try recorder.store.sessions().count == 2)
  }

  @Test func answersANewPackVersionNoLongerAcceptsAreDropped() throws {
    let folder = try TemporaryFolder()
    let store = try Store(path: folder.file("rolefit.sqlite"))
    var pack = try Fixtures.pack
    let id = try store.startAssessment(packID: pack.id, packVersion: "0.old", person: nil)
    var run = try Fixtures.run(answering: 4)
    let first = run.questions[0]
    let stale = AnswerSheet(values: run.answers.values.merging([first.id: .choice("no-such-option")]) { $1 })
    run = AssessmentRun(pack: pack, answers: stale, position: 4)
    try store.saveAnswers(session: id, run: run)
    pack.version = "1.new"
    let resumed = try #require(StoreRecorder(store: store).resumableRun(pack: pack))
    #expect(resumed.run.answers[first.id] == nil)
    #expect(resumed.setAside == [first.id])
    #expect(resumed.run.answeredCount == 3)
    // Another pack version: resume at the first unanswered question rather than the saved position.
    #expect(resumed.run.position == 0)
  }

  @Test func aChosenSessionIsResumedWithTheAnswersThePackDropped() throws {
    let folder = try TemporaryFolder()
    let store = try Store(path: folder.file("rolefit.sqlite"))
    let pack = try Fixtures.pack
    let chosen = try store.startAssessment(packID: pack.id, packVersion: pack.version, person: nil)
    var run = try Fixtures.run(answering: 3)
    let stale = AnswerSheet(values: run.answers.values.merging(["gone.question": .choice("a")]) { $1 })
    run = AssessmentRun(pack: pack, answers: stale, position: 3)
    try store.saveAnswers(session: chosen, run: run)
    // A newer unfinished session that `resumableRun` would otherwise offer.
    let newer = try store.startAssessment(packID: pack.id, packVersion: pack.version, person: nil)
    try store.saveAnswers(session: newer, run: try Fixtures.run(answering: 5))

    let recorder = StoreRecorder(store: store)
    let resumed = try #require(try recorder.resume(session: chosen, pack: pack))
    #expect(resumed.dropped == ["gone.question"])
    #expect(resumed.run.answeredCount == 3 && resumed.run.position == 3)
    #expect(recorder.resumableRun(pack: pack)?.run.answers == resumed.run.answers)
    try recorder.save(resumed.run, pack: pack)
    #expect(try store.session(newer)?.answers.values.count == 5)
    #expect(try recorder.resume(session: 999, pack: pack) == nil)
  }
}
