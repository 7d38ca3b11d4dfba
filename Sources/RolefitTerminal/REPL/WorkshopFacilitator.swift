import Foundation
import RolefitCore

/// Runs a workshop from the facilitator's terminal: shows each item large, takes vote lines,
/// reveals the distribution and the disagreement, and offers a revote when the group splits.
public final class WorkshopFacilitator {
  public private(set) var session: WorkshopSession
  let pack: ContentPack
  let console: Console
  let reader: any LineReader
  let recorder: (any WorkshopRecorder)?
  let clock: @Sendable () -> Date
  private var savingFailed = false

  public init(
    session: WorkshopSession, pack: ContentPack, console: Console, reader: any LineReader,
    recorder: (any WorkshopRecorder)?, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.session = session
    self.pack = pack
    self.console = console
    self.reader = reader
    self.recorder = recorder
    self.clock = clock
  }

  var styler: any TextStyler { console.styler }

  static let commands: [Command] = [
    Command(name: "reveal", summary: "show the votes, the disagreement and the teaching note"),
    Command(name: "revote", summary: "vote again on this item after discussing (both rounds are kept)"),
    Command(name: "next", summary: "go to the next item (Enter after a reveal does too)"),
    Command(name: "back", summary: "go to the previous item"),
    Command(name: "skip", summary: "skip this item"),
    Command(name: "note", argument: "TEXT", summary: "keep a facilitator's note on this item"),
    Command(name: "timer", summary: "time left in this section"),
    Command(name: "status", summary: "who has voted in this round"),
    Command(name: "participants", argument: "[add NAME]", summary: "list the roster, or add someone"),
    Command(
      name: "report", argument: "[FILE]", summary: "the session report (Markdown; .json for JSON, .html for a page)"),
    Command(name: "help", summary: "this list"),
    Command(name: "quit", summary: "stop here; workshop resume NAME goes on"),
  ]

  /// Runs until the agenda ends or the facilitator quits.
  ///
  /// `false` when input ended.
  @discardableResult
  public func run() -> Bool {
    moveKeepingTime(to: session.position)
    showCurrent()
    while true {
      reader.completion = completion()
      switch reader.readLine(prompt: prompt(), remember: true) {
      case .endOfInput:
        console.line("")
        console.line("Paused at item \(session.position + 1). workshop resume \(session.name) goes on.")
        return false
      case .interrupted: continue
      case .line(let raw):
        let line = raw.trimmingCharacters(in: .whitespaces)
        if !handle(line) { return true }
        if session.isFinished {
          console.line("")
          console.line(styler.bold("That was the last item.") + " report FILE writes the record; quit leaves.")
        }
      }
    }
  }

  // MARK: Input

  /// Handles one line; `false` means leave.
  func handle(_ line: String) -> Bool {
    let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
    if line.isEmpty {
      if session.revealed.contains(key) { go(to: session.position + 1) } else if !session.isFinished { status() }
      return true
    }
    let words = line.split(separator: " ", maxSplits: 1).map(String.init)
    let argument = words.count > 1 ? words[1] : nil
    if let command = Command.named(words[0], in: Self.commands), !isOption(words[0]) {
      switch command.name {
      case "reveal": reveal()
      case "revote": revote()
      case "next": go(to: session.position + 1)
      case "back": go(to: session.position - 1)
      case "skip": go(to: session.position + 1)
      case "note": note(argument)
      case "timer": timer()
      case "status": status()
      case "participants": participants(argument)
      case "report": report(argument)
      case "help": help()
      case "quit":
        console.line("Stopped at item \(session.position + 1). workshop resume \(session.name) goes on.")
        return false
      default: break
      }
      return true
    }
    vote(line)
    return true
  }

  private func isOption(_ word: String) -> Bool {
    guard let current = session.current else { return false }
    return session.options(for: current.item, pack: pack).contains { $0.id.lowercased() == word.lowercased() }
  }

  private func vote(_ line: String) {
    guard let current = session.current else {
      console.line("The agenda is over; report FILE writes the record.")
      return
    }
    let options = session.options(for: current.item, pack: pack).map(\.id)
    switch VoteLine.parse(line, participants: session.participants, options: options) {
    case .failure(let problem):
      console.line(styler.warning("Not recorded: \(problem).") + " Nothing of that line was kept.")
    case .success(let result):
      session.record(result.votes)
      persist { try $0.recordVotes(result.votes, item: session.position, round: session.round) }
      let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
      let corrected = session.revealed.contains(key) ? " (after the reveal: reveal again to update)" : ""
      let waiting = session.waitingFor
      console.line(
        "Recorded \(result.votes.count) vote\(result.votes.count == 1 ? "" : "s")\(corrected)."
          + (waiting.isEmpty
            ? " Everyone has voted: reveal when ready." : " Waiting for: \(waiting.joined(separator: ", ")).")
      )
    }
  }

  // MARK: Commands

  private func reveal() {
    guard let current = session.current else { return }
    let options = session.options(for: current.item, pack: pack)
    let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
    let counts = session.counts(item: session.position, round: session.round, options: options)
    let total = counts.reduce(0) { $0 + $1.count }
    guard total > 0 else {
      console.line(
        "No votes yet in this round. Type them in roster order: \(session.participants.joined(separator: " ")).")
      return
    }
    session.revealed.insert(key)
    let disagreement = session.disagreement(item: session.position, round: session.round, options: options)
    console.line("")
    console.line(
      styler.bold(
        "Round \(session.round) · \(total) vote\(total == 1 ? "" : "s") · disagreement \(TextWrap.percent(disagreement))"
      ))
    let most = counts.map(\.count).max() ?? 1
    for entry in counts {
      let bar = Bar.draw(Double(entry.count) / Double(max(most, 1)), width: 20)
      let text = entry.option.text.count > 48 ? String(entry.option.text.prefix(47)) + "…" : entry.option.text
      console.line(
        "  \(styler.bold(entry.option.id.padding(toLength: 7, withPad: " ", startingAt: 0))) \(bar) \(entry.count)  \(text)"
      )
    }
    if session.round > 1 {
      let first = session.disagreement(item: session.position, round: 1, options: options)
      console.line(
        styler.dim("  Round 1 disagreement was \(TextWrap.percent(first)); now \(TextWrap.percent(disagreement))."))
    }
    if case .posting(let title, let text) = current.item.content,
      let analysis = try? JobDescriptionAnalyzer(pack: pack).analyze(
        Posting(id: current.item.id, text: text, title: title))
    {
      let role =
        analysis.fit.otherKind.map { "other (\($0))" } ?? (pack.role(analysis.fit.role)?.short ?? analysis.fit.role)
      let phrases = analysis.evidence.sorted { $0.weight > $1.weight }.prefix(4).map { "\"\($0.phrase)\"" }
      console.line(
        TextWrap.wrap(
          "rolefit reads the duties as \(role) (\(analysis.fit.band))\(analysis.title.mismatch ? ", not what the title says" : ""): \(phrases.joined(separator: ", ")).",
          width: console.width, indent: "  ", firstIndent: "  "))
    }
    console.line("")
    console.line(TextWrap.wrap("Teaching note: \(current.item.note)", width: console.width, indent: "  "))
    for claim in current.item.claims.compactMap({ pack.claim($0) }).prefix(2) {
      console.line(
        styler.dim(
          TextWrap.wrap(
            "Source: \(claim.text) (“\(pack.source(claim.source)?.title ?? claim.source)”)", width: console.width,
            indent: "    ", firstIndent: "  ")))
    }
    if disagreement > session.agenda.discussAbove {
      console.line("")
      console.line(
        styler.warning(
          "The group is split (above \(TextWrap.percent(session.agenda.discussAbove))). Discuss, then revote:"))
      for prompt in current.item.prompts {
        console.line(TextWrap.wrap(prompt, width: console.width, indent: "    ", firstIndent: "  - "))
      }
    } else {
      console.line(styler.dim("The group mostly agrees. Enter moves on; revote if the discussion changed minds."))
      for prompt in current.item.prompts.prefix(1) {
        console.line(TextWrap.wrap("To probe: \(prompt)", width: console.width, indent: "  "))
      }
    }
  }

  private func revote() {
    guard session.current != nil else { return }
    session.revote()
    persist { try $0.recordPosition(item: session.position, round: session.round) }
    console.line("Round \(session.round): everyone votes again on the same item. The earlier round is kept.")
  }

  private func go(to item: Int) {
    guard item >= 0 else {
      console.line("This is the first item.")
      return
    }
    moveKeepingTime(to: min(item, session.items.count))
    persist { try $0.recordPosition(item: session.position, round: session.round) }
    showCurrent()
  }

  /// Moves to an item and records when its section was first opened.
  private func moveKeepingTime(to item: Int) {
    let before = session.sectionStarted
    session.move(to: item, now: clock())
    for (section, date) in session.sectionStarted where before[section] == nil {
      persist { try $0.recordSectionStart(section, at: date) }
    }
  }

  private func note(_ text: String?) {
    guard let text, !text.isEmpty else {
      console.line("Usage: note TEXT")
      return
    }
    session.notes[session.position, default: []].append(text)
    persist { try $0.recordNote(text, item: session.position) }
    console.line("Noted on item \(session.position + 1).")
  }

  private func timer() {
    guard let current = session.current, let left = session.secondsLeft(now: clock()) else { return }
    let section = session.agenda.sections[current.section]
    let text = left >= 0 ? "\(clockText(left)) left" : "\(clockText(-left)) over"
    console.line("\(section.title): \(section.minutes) minutes planned, \(text).")
  }

  private func status() {
    guard session.current != nil else { return }
    let waiting = session.waitingFor
    let voted = session.participants.count - waiting.count
    console.line(
      "Round \(session.round): \(voted) of \(session.participants.count) voted."
        + (waiting.isEmpty
          ? " reveal when ready."
          : " Waiting for: \(waiting.joined(separator: ", ")). Vote in roster order (\(session.participants.joined(separator: " "))) or name=option.")
    )
  }

  private func participants(_ argument: String?) {
    let words = argument?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
    guard words.first?.lowercased() == "add", words.count == 2 else {
      console.line(
        "Participants (roster order): \(session.participants.joined(separator: ", ")). participants add NAME adds one.")
      return
    }
    let name = words[1].trimmingCharacters(in: .whitespaces)
    if session.participants.contains(where: { $0.lowercased() == name.lowercased() }) {
      console.line("\(name) is already on the roster.")
      return
    }
    session.participants.append(name)
    persist { try $0.recordParticipant(name) }
    console.line("Added \(name); they vote last in roster order.")
  }

  private func report(_ path: String?) {
    let report = WorkshopReport(session: session, pack: pack)
    guard let path, !path.isEmpty else {
      console.text(report.markdown())
      return
    }
    do {
      let format = OutputFormat(path: path)
      try OutputFile.write(report.render(as: format), to: path, json: format == .json)
      console.line("Wrote the report to \(path).")
    } catch {
      console.line(styler.warning("Cannot write the report: \(error)"))
    }
  }

  private func help() {
    console.line(
      styler.bold("Votes")
        + ": options in roster order (\(session.participants.joined(separator: " "))), e.g. \"a b a\", or name=option; corrections allowed until reveal."
    )
    let width = Self.commands.map(\.usage.count).max() ?? 8
    for command in Self.commands {
      console.line("  " + command.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + command.summary)
    }
  }

  // MARK: Display

  func showCurrent() {
    guard let current = session.current else { return }
    let section = session.agenda.sections[current.section]
    console.line("")
    let header = "━━ \(section.title) · \(section.minutes) min "
    console.line(styler.bold(header + String(repeating: "━", count: max(4, min(console.width, 80) - header.count))))
    let kind: String
    switch current.item.content {
    case .question(let id): kind = "question \(id)"
    case .scenario: kind = "scenario"
    case .posting: kind = "job posting: project, program or other?"
    }
    console.line(
      styler.dim(
        "Item \(session.position + 1) of \(session.items.count) · \(kind)"
          + (session.round > 1 ? " · round \(session.round)" : "")))
    console.line("")
    switch current.item.content {
    case .question(let id):
      console.line(styler.bold(TextWrap.wrap(pack.question(id)?.text ?? id, width: console.width)))
    case .scenario(let text, _):
      console.line(styler.bold(TextWrap.wrap(text, width: console.width)))
    case .posting(let title, let text):
      console.line(styler.bold(title))
      for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        console.line(TextWrap.wrap(String(paragraph), width: console.width, indent: "  ", firstIndent: "  "))
      }
    }
    console.line("")
    for option in session.options(for: current.item, pack: pack) {
      console.line(
        TextWrap.wrap(
          option.text, width: console.width, indent: "            ",
          firstIndent: "  \(styler.bold(option.id.padding(toLength: 8, withPad: " ", startingAt: 0)))  "))
    }
    console.line(styler.dim("Votes in roster order: \(session.participants.joined(separator: " ")) · then reveal"))
  }

  func prompt() -> String {
    guard session.current != nil else { return "[done] workshop> " }
    var time = ""
    if let left = session.secondsLeft(now: clock()) {
      time = left >= 0 ? " · \(clockText(left)) left" : " · \(clockText(-left)) OVER"
    }
    return "[\(session.position + 1)/\(session.items.count) r\(session.round)\(time)] workshop> "
  }

  private func clockText(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.down))
    let rest = whole % 60
    return "\(whole / 60):\(rest < 10 ? "0" : "")\(rest)"
  }

  private func completion() -> CompletionContext {
    let options = session.current.map { session.options(for: $0.item, pack: pack).map(\.id) } ?? []
    let names = session.participants.flatMap { name in options.map { "\(name.lowercased())=\($0)" } }
    return CompletionContext(
      firstWord: Self.commands.map(\.name) + options + names,
      afterCommand: ["participants": ["add"]],
      laterWords: options + names)
  }

  private func persist(_ action: (any WorkshopRecorder) throws -> Void) {
    guard let recorder, !savingFailed else { return }
    do {
      try action(recorder)
    } catch {
      savingFailed = true
      console.line(
        styler.warning("! The workshop is not being saved: \(error). It goes on in memory; report FILE still works."))
    }
  }
}
