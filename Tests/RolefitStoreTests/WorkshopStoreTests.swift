import Foundation
import RolefitCore
import Testing

@testable import RolefitStore

/// Workshops: roster, votes per round with corrections, notes, imported answers, position.
@Suite struct WorkshopStoreTests {
  @Test func aWorkshopIsKeptAndReloadedWhole() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let clock = TestClock()
    let id: Int64
    let answers = try Fixtures.run(answering: 3).answers
    do {
      let store = try Store(path: path, now: clock.now)
      id = try store.createWorkshop(
        name: "Role calibration", agendaID: "calibration", packID: "rolefit-core", packVersion: "1.0",
        participants: ["Ana", "Ben", "ana"])
      #expect(throws: StoreError.workshopExists(path: path, name: "ROLE CALIBRATION")) {
        try store.createWorkshop(name: "ROLE CALIBRATION", agendaID: "x", packID: "p", packVersion: "1")
      }
      #expect(try store.addParticipant(workshop: id, name: "Carla", importedFrom: "carla.yaml"))
      #expect(try !store.addParticipant(workshop: id, name: " CARLA ", importedFrom: nil))
      #expect(try !store.addParticipant(workshop: id, name: "ben"))

      clock.advance(by: 60)
      try store.recordVote(workshop: id, item: 0, round: 1, participant: "Ana", option: "a")
      try store.recordVote(workshop: id, item: 0, round: 1, participant: "ben", option: "b")
      try store.recordVote(workshop: id, item: 0, round: 1, participant: "Carla", option: "a")
      clock.advance(by: 60)
      // Ben meant `a`: the correction replaces his vote of that round only.
      try store.recordVote(workshop: id, item: 0, round: 1, participant: "Ben", option: "a")
      try store.recordVote(workshop: id, item: 0, round: 2, participant: "Ben", option: "c")
      try store.addNote(workshop: id, item: 0, text: "Ben changed his mind after the discussion.")
      try store.addNote(workshop: id, item: 2, text: "Skip next time.")
      try store.recordAnswers(workshop: id, participant: "carla", answers: answers)
      try store.setPosition(workshop: id, item: 1, round: 1)
    }

    let store = try Store(path: path, now: clock.now)
    let record = try #require(try store.workshop(named: "role CALIBRATION"))
    #expect(record.id == id && record.name == "Role calibration")
    #expect(record.summary.agendaID == "calibration")
    #expect(record.summary.packID == "rolefit-core" && record.summary.packVersion == "1.0")
    #expect(record.participants.map(\.name) == ["Ana", "Ben", "Carla"])
    #expect(record.participants.map(\.importedFrom) == [nil, nil, "carla.yaml"])
    #expect(record.summary.participantCount == 3)
    #expect(record.votes(item: 0, round: 1) == ["Ana": "a", "Ben": "a", "Carla": "a"])
    #expect(record.votes(item: 0, round: 2) == ["Ben": "c"])
    #expect(record.votes.count == 4)
    #expect(record.votes.map(\.participant) == ["Ana", "Ben", "Carla", "Ben"])
    let corrected = try #require(record.votes.first { $0.participant == "Ben" && $0.round == 1 })
    #expect(corrected.recorded == clock.now())
    #expect(record.notes.map(\.text) == ["Ben changed his mind after the discussion.", "Skip next time."])
    #expect(record.notes.map(\.item) == [0, 2])
    #expect(record.answers == ["Carla": answers])
    #expect(record.summary.currentItem == 1 && record.summary.currentRound == 1)
    #expect(record.summary.updated == clock.now() && record.summary.finished == nil)

    #expect(try store.workshops().map(\.name) == ["Role calibration"])
    let listed = try #require(try store.sessions().first)
    #expect(listed.kind == .workshop && listed.title == "Role calibration" && listed.id == id)

    try store.finishWorkshop(id)
    #expect(try store.workshop(id: id)?.summary.finished == clock.now())
    #expect(try store.workshop(named: "Another") == nil)
  }

  @Test func votesAndAnswersNeedSomeoneOnTheRoster() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.createWorkshop(name: "W", agendaID: "a", packID: "p", packVersion: "1", participants: ["Ana"])
    #expect(throws: StoreError.notFound(path: path, what: "participant 'Zoe' in workshop \(id)")) {
      try store.recordVote(workshop: id, item: 0, round: 1, participant: "Zoe", option: "a")
    }
    #expect(throws: StoreError.notFound(path: path, what: "participant 'Zoe' in workshop \(id)")) {
      try store.recordAnswers(workshop: id, participant: "Zoe", answers: AnswerSheet())
    }
    #expect(throws: StoreError.notFound(path: path, what: "workshop session 99")) {
      try store.addNote(workshop: 99, item: 0, text: "x")
    }
    let assessment = try store.startAssessment(packID: "p", packVersion: "1", person: nil)
    #expect(throws: StoreError.notFound(path: path, what: "workshop session \(assessment)")) {
      try store.setPosition(workshop: assessment, item: 1, round: 1)
    }
    #expect(try store.workshop(id: id)?.votes.isEmpty == true)
  }

  @Test func reimportedAnswersReplaceTheEarlierOnes() throws {
    let folder = try TemporaryFolder()
    let store = try Store(path: folder.file("rolefit.sqlite"))
    let id = try store.createWorkshop(name: "W", agendaID: "a", packID: "p", packVersion: "1", participants: ["Ana"])
    try store.recordAnswers(workshop: id, participant: "Ana", answers: try Fixtures.run(answering: 5).answers)
    let second = try Fixtures.run(answering: 2, seed: 3).answers
    try store.recordAnswers(workshop: id, participant: "ana", answers: second)
    #expect(try store.workshop(id: id)?.answers == ["Ana": second])
  }
}
