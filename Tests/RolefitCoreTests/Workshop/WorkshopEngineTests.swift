import Dispatch
import Foundation
import RolefitCore
import Synchronization
import Testing

/// The workshop's rules, as both front ends drive them.
@Suite struct WorkshopEngineTests {
  let pack: ContentPack
  let agenda: Agenda

  init() throws { (pack, agenda) = try TestPacks.introAgenda }

  func engine(_ roster: [String] = ["Ana", "Ben", "Chen"]) -> WorkshopEngine {
    WorkshopEngine(
      session: WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: roster), pack: pack, recorder: nil)
  }

  /// The index of the first posting item of the agenda.
  var postingItem: Int {
    get throws {
      try #require(
        agenda.items.firstIndex {
          if case .posting = $0.item.content { return true }
          return false
        })
    }
  }

  /// A reveal's teaching note names its sources by their articles' titles, never by pack ids
  /// ("tech-lens"), on every item of the agenda.
  @Test func aRevealsTeachingNoteNamesNoSourceIDs() throws {
    let engine = engine()
    let ids = pack.sources.map(\.id)
    var checked = 0
    for index in agenda.items.indices {
      engine.move(to: index)
      guard case .success = engine.record(line: "a a a"), case .shown(let reveal) = engine.reveal() else { continue }
      for id in ids { #expect(!reveal.note.contains(id), "item \(index): \(reveal.note)") }
      checked += 1
    }
    #expect(checked > 0)
    #expect(ids.contains("tech-lens"))
  }

  @Test func aNameWithSpacesVotesByName() throws {
    let roster = ["Ana Maria", "Ben", "Jo Ann Lee"]
    let votes = try VoteLine.parse("ana maria=a ben=b, jo ann lee=c", participants: roster, options: ["a", "b", "c"])
      .get().votes
    #expect(votes == ["Ana Maria": "a", "Ben": "b", "Jo Ann Lee": "c"])
    #expect(throws: VoteLine.Problem.self) {
      try VoteLine.parse("ana maria=a b", participants: roster, options: ["a", "b", "c"]).get()
    }
  }

  @Test func postingItemsTakeLetterVotesAsEveryOtherItemDoes() async throws {
    let options = ["project", "program", "other"]
    #expect(
      try VoteLine.parse("a b c", participants: ["Ana", "Ben", "Chen"], options: options).get().votes == [
        "Ana": "project", "Ben": "program", "Chen": "other",
      ])
    #expect(
      try VoteLine.parse("ben=B", participants: ["Ana", "Ben"], options: options).get().votes == ["Ben": "program"])
    #expect(VoteLine.option("d", among: options) == nil)
    // Where options are letters already, a letter is only itself.
    #expect(VoteLine.option("c", among: ["a", "b"]) == nil)

    let engine = engine()
    engine.move(to: try postingItem)
    let joined = try engine.join(name: "ana")
    #expect(joined.name == "Ana")
    #expect(try await engine.vote(device: joined.device, option: "b") == "program")
  }

  @Test func aDeviceVotesOnlyAsItselfAndOnlyUntilTheReveal() async throws {
    let engine = engine()
    await #expect(throws: WorkshopEngine.Refusal.unknownDevice) { try await engine.vote(device: "forged", option: "a") }
    let ana = try engine.join(name: "Ana")
    #expect(throws: WorkshopEngine.Refusal.nameTaken("Ana")) { try engine.join(name: "ANA") }
    #expect(throws: WorkshopEngine.Refusal.notOnRoster("Dee")) { try engine.join(name: "Dee") }
    #expect(throws: WorkshopEngine.Refusal.nameInvalid) { try engine.join(name: String(repeating: "x", count: 41)) }
    #expect(throws: WorkshopEngine.Refusal.nameInvalid) { try engine.join(name: "a\u{1B}[2J") }
    #expect(try await engine.vote(device: ana.device, option: "a") == "a")
    #expect(try await engine.vote(device: ana.device, option: "B") == "b")
    await #expect(throws: WorkshopEngine.Refusal.unknownOption("z")) {
      try await engine.vote(device: ana.device, option: "z")
    }
    guard case .shown(let reveal) = engine.reveal() else {
      Issue.record("one vote is enough to reveal")
      return
    }
    #expect(reveal.counts.map(\.votes) == [0, 1, 0])
    await #expect(throws: WorkshopEngine.Refusal.alreadyRevealed) {
      try await engine.vote(device: ana.device, option: "a")
    }
    engine.revote()
    #expect(try await engine.vote(device: ana.device, option: "c") == "c")
    #expect(engine.session.votes[.init(item: 0, round: 1)] == ["Ana": "b"])
    #expect(engine.session.votes[.init(item: 0, round: 2)] == ["Ana": "c"])

    engine.rosterIsOpen = true
    let dee = try engine.join(name: "Dee")
    #expect(engine.session.participants == ["Ana", "Ben", "Chen", "Dee"])
    #expect(engine.participant(device: dee.device) == "Dee")
  }

  @Test func typedAndDeviceVotesMeetInOneRound() async throws {
    let engine = engine()
    let events = Mutex<[WorkshopEngine.Event]>([])
    engine.observe { event in events.withLock { $0.append(event) } }
    let ben = try engine.join(name: "Ben")
    _ = try await engine.vote(device: ben.device, option: "b")
    let typed = try engine.record(line: "ana=a").get()
    #expect(typed.waiting == ["Chen"])
    #expect(engine.session.votes[.init(item: 0, round: 1)] == ["Ana": "a", "Ben": "b"])
    #expect(
      events.withLock { $0 }.contains(.voted(participants: ["Ben"], origin: .device, waiting: ["Ana", "Chen"], of: 3)))
  }

  @Test func votesFromManyDevicesAtOnceAreAllKept() async throws {
    let roster = (1...200).map { "P\($0)" }
    let engine = engine(roster)
    let devices = try roster.map { try engine.join(name: $0).device }
    await withTaskGroup(of: Void.self) { group in
      for (index, device) in devices.enumerated() {
        group.addTask { _ = try? await engine.vote(device: device, option: ["a", "b", "c"][index % 3]) }
      }
    }
    #expect(engine.session.votes[.init(item: 0, round: 1)]?.count == 200)
    #expect(engine.session.waitingFor.isEmpty)
  }

  @Test func aTwoToOneSplitIsAMajorityNotAgreement() throws {
    let engine = engine()
    _ = try engine.record(line: "a a b").get()
    guard case .shown(let reveal) = engine.reveal() else {
      Issue.record("votes were cast")
      return
    }
    #expect(reveal.disagreement < agenda.discussAbove, "below the agenda's threshold, yet not agreement")
    #expect(reveal.agreement == .majority(option: "a", votes: 2, of: 3))
    #expect(reveal.notVoted.isEmpty)
  }

  @Test func aPostingRevealQuotesEachPhraseOnce() throws {
    let index = try postingItem
    var item = agenda.items[index].item
    guard case .posting(let title, let text) = item.content else { return }
    // The same duties twice: every phrase is found twice.
    item.content = .posting(title: title, text: text + "\n" + text)
    let reading = try #require(WorkshopReveal.reading(item, pack: pack))
    #expect(!reading.phrases.isEmpty)
    #expect(Set(reading.phrases.map { $0.lowercased() }).count == reading.phrases.count)
  }

  @Test func theTimerCanBeSetExtendedPausedAndResumed() throws {
    let now = Mutex<Date>(Date(timeIntervalSinceReferenceDate: 0))
    let engine = WorkshopEngine(
      session: WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: ["Ana"]), pack: pack,
      recorder: nil, clock: { now.withLock { $0 } })
    engine.open()
    func left() -> Double? { engine.session.secondsLeft(now: engine.now) }
    #expect(left() == Double(agenda.sections[0].minutes * 60))
    engine.adjustTimer(.set(5 * 60))
    #expect(left() == 300)
    engine.adjustTimer(.extend(2 * 60))
    #expect(left() == 420)
    engine.adjustTimer(.pause)
    now.withLock { $0 += 100 }
    #expect(left() == 420, "a paused timer stands still")
    engine.adjustTimer(.resume)
    #expect(left() == 420)
    now.withLock { $0 += 60 }
    #expect(left() == 360)
  }

  @Test func votesArrivingTogetherAreWrittenTogetherAndAnsweredOnceWritten() async throws {
    let roster = (1...50).map { "P\($0)" }
    let recorder = SlowRecorder()
    let engine = WorkshopEngine(
      session: WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: roster), pack: pack,
      recorder: recorder)
    let devices = try roster.map { try engine.join(name: $0).device }
    let first = try await engine.vote(device: devices[0], option: "a")
    #expect(first == "a")
    #expect(recorder.votes["P1"] == "a", "a vote is answered only once it is written")
    await withTaskGroup(of: Void.self) { group in
      for device in devices.dropFirst() {
        group.addTask { _ = try? await engine.vote(device: device, option: "b") }
      }
    }
    #expect(recorder.votes.count == 50)
    #expect(recorder.voteWrites < 25, "votes that waited together went in one write (\(recorder.voteWrites) writes)")
    // A typed correction after a device's vote is written after it, so it is the one kept.
    _ = try await engine.vote(device: devices[1], option: "c")
    _ = try engine.record(line: "p2=a").get()
    #expect(recorder.votes["P2"] == "a")
  }
}

/// A recorder whose vote writes take a while, as a disk's sync does; it keeps the latest votes.
final class SlowRecorder: WorkshopRecorder {
  private let state = Mutex<(votes: [String: String], writes: Int)>(([:], 0))
  var votes: [String: String] { state.withLock { $0.votes } }
  var voteWrites: Int { state.withLock { $0.writes } }

  func recordVotes(_ votes: [String: String], item: Int, round: Int) throws {
    Thread.sleep(forTimeInterval: 0.02)
    state.withLock { state in
      state.votes.merge(votes) { _, new in new }
      state.writes += 1
    }
  }
  func recordNote(_ text: String, item: Int) throws {}
  func recordParticipant(_ name: String) throws {}
  func recordPosition(item: Int, round: Int) throws {}
  func recordSectionStart(_ section: Int, at date: Date) throws {}
  func recordEnd(at date: Date?) throws {}
  func recordReveal(item: Int, round: Int) throws {}
  func recordJoinToken(_ token: String) throws {}
  func recordDevice(_ device: String, participant: String) throws {}
}
