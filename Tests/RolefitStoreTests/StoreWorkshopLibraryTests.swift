import Foundation
import RolefitCore
import Testing

@testable import RolefitStore

/// The `WorkshopLibrary` the REPL and `rolefit workshop` use: a workshop run, interrupted, resumed.
@Suite struct StoreWorkshopLibraryTests {
  /// A new database in a new folder, and a workshop on the fixture pack's first agenda.
  func workshop(_ name: String) throws -> (
    folder: TemporaryFolder, path: String, pack: ContentPack, agenda: Agenda, session: WorkshopSession
  ) {
    let folder = try TemporaryFolder()
    let pack = try Fixtures.pack
    let agenda = try #require(pack.agendas.first)
    let session = WorkshopSession(name: name, agenda: agenda, pack: pack, participants: ["Ana", "Ben"])
    return (folder, folder.file("rolefit.sqlite"), pack, agenda, session)
  }

  @Test func aWorkshopRunIsRebuiltWhereItStopped() throws {
    let (folder, path, pack, agenda, new) = try workshop("Tuesday group")
    var session = new
    defer { withExtendedLifetime(folder) {} }
    do {
      let library = StoreWorkshopLibrary(store: try Store(path: path))
      let recorder = try library.create(session)
      #expect(throws: StoreError.workshopExists(path: path, name: "Tuesday group")) { try library.create(session) }
      session.record(["Ana": "a", "Ben": "b"])
      try recorder.recordVotes(["Ana": "a", "Ben": "b"], item: 0, round: 1)
      session.revote()
      session.record(["Ana": "a", "Ben": "a"])
      try recorder.recordVotes(["Ana": "a", "Ben": "a"], item: 0, round: 2)
      try recorder.recordNote("Converged after the discussion.", item: 0)
      try recorder.recordParticipant("Chen")
      try recorder.recordParticipant("ana")
      try recorder.recordPosition(item: 1, round: 1)
    }

    let library = StoreWorkshopLibrary(store: try Store(path: path))
    let found = try #require(try library.open(named: "tuesday GROUP", pack: pack))
    let resumed = found.session
    #expect(resumed.name == "Tuesday group" && resumed.agenda.id == agenda.id)
    #expect(resumed.participants == ["Ana", "Ben", "Chen"])
    #expect(resumed.votes == session.votes)
    #expect(resumed.rounds(of: 0) == [1, 2])
    #expect(resumed.notes == [0: ["Converged after the discussion."]])
    #expect(resumed.position == 1 && resumed.round == 1)
    #expect(resumed.packID == pack.id && resumed.packVersion == pack.version)
    #expect(try library.open(named: "Wednesday group", pack: pack) == nil)

    let lines = try library.list()
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("Tuesday group  (\(agenda.id), 3 participants)  at item 2, round 1") == true)

    // Going past the last item finishes it.
    try found.recorder.recordPosition(item: agenda.items.count, round: 1)
    #expect(try library.list().first?.contains("finished") == true)
  }

  @Test func theFacilitatorAndTheEndOfTheLastSectionAreKeptForTheRecord() throws {
    let (folder, path, pack, agenda, unnamed) = try workshop("Thursday group")
    defer { withExtendedLifetime(folder) {} }
    var session = unnamed
    session.facilitator = "Dana Ortiz"
    let clock = TestClock()
    let step: TimeInterval = 7 * 60
    do {
      let library = StoreWorkshopLibrary(store: try Store(path: path))
      let engine = WorkshopEngine(session: session, pack: pack, recorder: try library.create(session), clock: clock.now)
      engine.open()
      for item in 1...agenda.items.count {
        clock.advance(by: step)
        engine.move(to: item)
      }
      #expect(engine.session.ended == clock.now())
    }
    let library = StoreWorkshopLibrary(store: try Store(path: path))
    let resumed = try #require(try library.open(named: "Thursday group", pack: pack)).session
    #expect(resumed.facilitator == "Dana Ortiz")
    #expect(resumed.ended == clock.now())
    let document = WorkshopDocument(session: resumed, pack: pack)
    #expect(document.facilitator == "Dana Ortiz")
    // The last section ran from its first item's opening to the moment its last item was left.
    let last = try #require(agenda.sections.indices.last)
    let itemsInLast = agenda.items.filter { $0.section == last }.count
    #expect(document.sections[last].spentMinutes == itemsInLast * 7)
    #expect(document.sections.allSatisfy { $0.spentMinutes != nil })
    let report = WorkshopReport(session: resumed, pack: pack)
    #expect(report.markdown().contains(" · **Facilitator:** Dana Ortiz\n"))
    #expect(!report.markdown().contains("still open"))
    #expect(report.render(as: .html).contains("<p>Facilitator: Dana Ortiz</p>"))
    #expect(report.json().contains("\"facilitator\" : \"Dana Ortiz\""))

    // Going back into the agenda reopens the last section; leaving it again ends it later.
    let engine = WorkshopEngine(
      session: resumed, pack: pack, recorder: try library.open(named: "Thursday group", pack: pack)?.recorder,
      clock: clock.now)
    engine.move(to: agenda.items.count - 1)
    #expect(engine.session.ended == nil)
    #expect(try library.open(named: "Thursday group", pack: pack)?.session.ended == nil)
    clock.advance(by: step)
    engine.move(to: agenda.items.count)
    #expect(try library.open(named: "Thursday group", pack: pack)?.session.ended == clock.now())
  }

  @Test func aWorkshopWithoutAFacilitatorNamesNobody() throws {
    let (folder, path, pack, _, session) = try workshop("Friday group")
    defer { withExtendedLifetime(folder) {} }
    _ = try StoreWorkshopLibrary(store: try Store(path: path)).create(session)
    let resumed = try #require(
      try StoreWorkshopLibrary(store: try Store(path: path)).open(named: "Friday group", pack: pack))
    #expect(resumed.session.facilitator == nil)
    let report = WorkshopReport(session: resumed.session, pack: pack)
    for format in OutputFormat.allCases { #expect(!report.render(as: format).lowercased().contains("facilitator")) }
  }

  @Test func revealsTheJoinLinkAndDevicesSurviveAResume() async throws {
    let (folder, path, pack, agenda, session) = try workshop("served")
    defer { withExtendedLifetime(folder) {} }
    let (token, device): (String, String)
    do {
      let library = StoreWorkshopLibrary(store: try Store(path: path))
      let engine = WorkshopEngine(session: session, pack: pack, recorder: try library.create(session))
      token = engine.joinToken()
      device = try engine.join(name: "Ben").device
      let options = session.options(for: agenda.items[0].item, pack: pack).map(\.id)
      _ = try await engine.vote(device: device, option: options[0])
      _ = engine.reveal()
    }
    let library = StoreWorkshopLibrary(store: try Store(path: path))
    let resumed = try #require(try library.open(named: "served", pack: pack)).session
    #expect(resumed.revealed == [.init(item: 0, round: 1)])
    #expect(resumed.joinToken == token)
    #expect(resumed.devices == [device: "Ben"])
    #expect(try library.names() == ["served"])
  }

  @Test func importedAnswersAreAddedOncePerParticipant() throws {
    let folder = try TemporaryFolder()
    let pack = try Fixtures.pack
    let agenda = try #require(pack.agendas.first)
    let library = StoreWorkshopLibrary(store: try Store(path: folder.file("rolefit.sqlite")))
    _ = try library.create(WorkshopSession(name: "W", agenda: agenda, pack: pack, participants: ["Ana"]))
    let answers = try Fixtures.run(answering: 4).answers
    #expect(try library.importAnswers(workshop: "W", participant: "Dana", answers: answers, from: "dana.json"))
    #expect(try !library.importAnswers(workshop: "w", participant: "DANA", answers: AnswerSheet(), from: "again.json"))
    #expect(try library.importAnswers(workshop: "W", participant: "ana", answers: answers, from: "ana.json"))
    let session = try #require(try library.open(named: "W", pack: pack)).session
    #expect(session.participants == ["Ana", "Dana"])
    #expect(session.importedAnswers == ["Ana": answers, "Dana": answers])
    let record = try #require(try library.store.workshop(named: "W"))
    #expect(record.participants.map(\.importedFrom) == ["ana.json", "dana.json"])
    #expect(throws: StoreError.notFound(path: library.store.path, what: "workshop 'X'")) {
      try library.importAnswers(workshop: "X", participant: "Ana", answers: answers, from: "a.json")
    }
  }

  @Test func aPackWithoutTheWorkshopsAgendaIsAClearError() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    var pack = try Fixtures.pack
    let agenda = try #require(pack.agendas.first)
    let library = StoreWorkshopLibrary(store: try Store(path: path))
    _ = try library.create(WorkshopSession(name: "W", agenda: agenda, pack: pack, participants: ["Ana"]))
    pack.agendas = []
    let expected = StoreError.missingAgenda(
      path: path, workshop: "W", agenda: agenda.id, pack: "\(pack.id) \(pack.version)")
    #expect(throws: expected) { try library.open(named: "W", pack: pack) }
    #expect(expected.description.contains("follows agenda '\(agenda.id)'"))
  }

  @Test func votesOfARoundLandTogetherOrNotAtAll() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("rolefit.sqlite")
    let store = try Store(path: path)
    let id = try store.createWorkshop(name: "W", agendaID: "a", packID: "p", packVersion: "1", participants: ["Ana"])
    #expect(throws: StoreError.notFound(path: path, what: "participant 'Zed' in workshop \(id)")) {
      try store.recordVotes(workshop: id, item: 0, round: 1, votes: ["Ana": "a", "Zed": "b"])
    }
    #expect(try store.workshop(id: id)?.votes.isEmpty == true)
  }
}
