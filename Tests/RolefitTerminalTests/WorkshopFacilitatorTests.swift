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
}
