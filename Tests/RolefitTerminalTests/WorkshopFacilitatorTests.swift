import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitTerminal
import Synchronization
import Testing

/// A recorder that keeps what it is told, to check the facilitator persists every step.
final class RecordingWorkshop: WorkshopRecorder {
  private let log = Mutex<[String]>([])
  var events: [String] { log.withLock { $0 } }
  private func append(_ event: String) { log.withLock { $0.append(event) } }
  func recordVotes(_ votes: [String: String], item: Int, round: Int) throws {
    append(
      "votes \(item).\(round) "
        + votes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
  }
  func recordNote(_ text: String, item: Int) throws { append("note \(item) \(text)") }
  func recordParticipant(_ name: String) throws { append("participant \(name)") }
  func recordPosition(item: Int, round: Int) throws { append("position \(item).\(round)") }
  func recordSectionStart(_ section: Int, at date: Date) throws { append("section \(section)") }
  func recordEnd(at date: Date?) throws { append(date == nil ? "reopened" : "ended") }
  func recordReveal(item: Int, round: Int) throws { append("reveal \(item).\(round)") }
  func recordJoinToken(_ token: String) throws { append("token") }
  func recordDevice(_ device: String, participant: String) throws { append("device \(participant)") }
}

@Suite struct WorkshopFacilitatorTests {
  let pack: ContentPack

  init() throws {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    pack = try #require(try ContentLoader.load(files).pack)
  }

  func facilitator(
    _ lines: [String], clock: @escaping @Sendable () -> Date = { Date(timeIntervalSinceReferenceDate: 0) }
  )
    throws -> (WorkshopFacilitator, Console, RecordingWorkshop, ScriptedLineReader)
  {
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    let session = WorkshopSession(name: "demo", agenda: agenda, pack: pack, participants: ["Ana", "Ben", "Chen"])
    let console = Console(capturingWithWidth: 100)
    let reader = ScriptedLineReader(lines: lines)
    let recorder = RecordingWorkshop()
    let facilitator = WorkshopFacilitator(
      session: session, pack: pack, console: console, reader: reader, recorder: recorder, clock: clock)
    return (facilitator, console, recorder, reader)
  }

  @Test func votesRevealRevoteNoteAndReport() throws {
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    let options = WorkshopSession(name: "x", agenda: agenda, pack: pack, participants: []).options(
      for: agenda.items[0].item, pack: pack
    ).map(\.id)
    let split = "\(options[0]) \(options[1]) \(options[2 % options.count])"
    let (facilitator, console, recorder, _) = try facilitator([
      "\(options[0]) \(options[1])", "status", "chen=\(options[2 % options.count])", "reveal", "revote",
      "\(options[1]) \(options[1]) \(options[1])", "reveal", "note the group agreed after the fleet analogy",
      "", "participants add Dee", "report", "quit",
    ])
    _ = split
    facilitator.run()
    let output = console.output
    #expect(output.contains("Waiting for: Chen"))
    #expect(output.contains("Round 1 · 3 votes · disagreement 100%"))
    #expect(output.contains("The group is split"))
    #expect(output.contains("Round 2 · 3 votes · disagreement 0%"))
    #expect(output.contains("Round 1 disagreement was 100%; now 0%."))
    #expect(output.contains("# Workshop report: demo"))
    #expect(output.contains("- Round 1: "))
    #expect(output.contains("- Note: the group agreed after the fleet analogy"))
    #expect(recorder.events.contains("votes 0.2 Ana=\(options[1]),Ben=\(options[1]),Chen=\(options[1])"))
    #expect(recorder.events.contains("note 0 the group agreed after the fleet analogy"))
    #expect(recorder.events.contains("participant Dee"))
    #expect(recorder.events.contains("position 1.1"))
    #expect(recorder.events.first == "section 0", "the first section's start is kept for the timer and the report")
    #expect(facilitator.session.participants == ["Ana", "Ben", "Chen", "Dee"])
  }

  @Test func badVoteLinesAreRefusedWhole() throws {
    let (facilitator, console, recorder, _) = try facilitator(["ana=a dan=b", "a a a a", "quit"])
    facilitator.run()
    #expect(console.output.contains("Not recorded: no participant called 'dan'"))
    #expect(console.output.contains("Not recorded: 4 votes for 3 participants"))
    #expect(recorder.events.filter { $0.hasPrefix("votes") }.isEmpty)
  }

  @Test func theTimerCountsDownTheSectionAndWarnsWhenOver() throws {
    let start = Date(timeIntervalSinceReferenceDate: 1000)
    let (early, _, _, earlyReader) = try facilitator(["quit"], clock: { start })
    early.run()
    #expect(earlyReader.prompts.first?.contains("10:00 left") == true)
    let late = Date(timeIntervalSinceReferenceDate: 1000)
    var session = early.session
    session.sectionStarted[0] = late.addingTimeInterval(-11 * 60)
    let console = Console(capturingWithWidth: 100)
    let reader = ScriptedLineReader(lines: ["timer", "quit"])
    WorkshopFacilitator(session: session, pack: pack, console: console, reader: reader, recorder: nil, clock: { late })
      .run()
    #expect(reader.prompts.first?.contains("1:00 OVER") == true)
    #expect(console.output.contains("1:00 over."))
  }

  @Test func theRevealNamesWhoDidNotVoteAndATwoToOneSplitIsNotAgreement() throws {
    let (facilitator, console, recorder, _) = try facilitator(["a a", "reveal", "chen=b", "reveal", "quit"])
    facilitator.run()
    let output = console.output
    #expect(output.contains("Did not vote: Chen."))
    #expect(output.contains("2 of 3 chose a; 1 chose otherwise."))
    #expect(!output.contains("mostly agrees"))
    #expect(recorder.events.contains("reveal 0.1"), "a reveal is kept, so a resumed workshop shows it")
  }

  @Test func aResumedRevealedRoundIsShownAsRevealed() throws {
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    var session = WorkshopSession(name: "demo", agenda: agenda, pack: pack, participants: ["Ana", "Ben"])
    session.record(["Ana": "a", "Ben": "b"])
    session.revealed.insert(.init(item: 0, round: 1))
    let console = Console(capturingWithWidth: 100)
    WorkshopFacilitator(
      session: session, pack: pack, console: console, reader: ScriptedLineReader(lines: ["quit"]), recorder: nil
    ).run()
    #expect(console.output.contains("Round 1 was revealed before the break:"))
    #expect(console.output.contains("Round 1 · 2 votes"))
  }

  @Test func theTimerIsSetExtendedPausedAndResumed() throws {
    let (facilitator, console, _, reader) = try facilitator([
      "timer 5", "timer +2", "timer pause", "timer resume", "timer -1", "timer soon", "quit",
    ])
    facilitator.run()
    let output = console.output
    #expect(output.contains("5:00 left."))
    #expect(output.contains("7:00 left."))
    #expect(output.contains("7:00 left (paused: timer resume starts it again)."))
    #expect(output.contains("6:00 left."))
    #expect(output.contains("Usage: timer"))
    #expect(reader.prompts.last?.contains("6:00 left") == true)
  }

  @Test func votesFromDevicesAreShownAsTheyArrive() async throws {
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    let session = WorkshopSession(name: "demo", agenda: agenda, pack: pack, participants: ["Ana", "Ben", "Chen"])
    let console = Console(capturingWithWidth: 100)
    let engine = WorkshopEngine(session: session, pack: pack, recorder: nil)
    let ben = try engine.join(name: "ben")
    // The facilitator's loop blocks as readline does, so it runs on a thread of its own, leaving
    // the concurrency pool free to deliver the device's vote.
    await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
      Thread {
        // A participant votes from their phone while the facilitator is at the prompt.
        let reader = ActingLineReader(["status", "quit"]) {
          let voted = DispatchSemaphore(value: 0)
          Task {
            _ = try? await engine.vote(device: ben.device, option: "b")
            voted.signal()
          }
          voted.wait()
        }
        WorkshopFacilitator(engine: engine, console: console, reader: reader).run()
        finished.resume()
      }.start()
    }
    #expect(console.output.contains("← Ben voted · 1 of 3 · waiting for Ana, Chen"))
    #expect(console.output.contains("Round 1: 1 of 3 voted. Waiting for: Ana, Chen."))
    _ = try engine.join(name: "Chen")
    #expect(!console.output.contains("Chen joined"), "after the facilitator leaves, nothing more is shown")
  }
}

/// Replays lines, doing something (as another device would) before giving the first one.
final class ActingLineReader: LineReader {
  var completion = CompletionContext()
  let isInteractive = false
  private var lines: [String]
  private var action: (() -> Void)?

  init(_ lines: [String], before action: @escaping () -> Void) {
    self.lines = lines
    self.action = action
  }

  func readLine(prompt: String, remember: Bool) -> LineInput {
    action?()
    action = nil
    return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
  }
}
