import Foundation
import RolefitCore

/// Runs a workshop from the facilitator's terminal: shows each item large, takes vote lines,
/// reveals the distribution and the disagreement, and offers a revote when the group splits.
public final class WorkshopFacilitator {
  /// The workshop's state and rules, shared with the participants' web pages when served.
  public let engine: WorkshopEngine
  let pack: ContentPack
  let console: Console
  let reader: any LineReader
  let serving: (any WorkshopServing)?
  private var observer: Int?
  private var completionCache: (key: CompletionKey, context: CompletionContext)?

  /// The workshop as it stands.
  public var session: WorkshopSession { engine.session }

  public convenience init(
    session: WorkshopSession, pack: ContentPack, console: Console, reader: any LineReader,
    recorder: (any WorkshopRecorder)?, clock: @escaping @Sendable () -> Date = { Date() },
    serving: (any WorkshopServing)? = nil
  ) {
    self.init(
      engine: WorkshopEngine(session: session, pack: pack, recorder: recorder, clock: clock), console: console,
      reader: reader, serving: serving)
  }

  /// A facilitator over an engine that other front ends may drive too.
  public init(engine: WorkshopEngine, console: Console, reader: any LineReader, serving: (any WorkshopServing)? = nil) {
    self.engine = engine
    self.pack = engine.pack
    self.console = console
    self.reader = reader
    self.serving = serving
  }

  var styler: any TextStyler { console.styler }

  static let commands: [Command] = [
    Command(name: "reveal", summary: "show the votes, the disagreement and the teaching note"),
    Command(name: "revote", summary: "vote again on this item after discussing (both rounds are kept)"),
    Command(name: "next", summary: "go to the next item (Enter after a reveal does too)"),
    Command(name: "back", summary: "go to the previous item"),
    Command(name: "skip", summary: "skip this item"),
    Command(name: "note", argument: "TEXT", summary: "keep a facilitator's note on this item"),
    Command(name: "timer", argument: "[MIN|+MIN|pause|resume]", summary: "time left; set, extend, pause or resume it"),
    Command(name: "status", summary: "who has voted in this round"),
    Command(name: "participants", argument: "[add NAME]", summary: "list the roster, or add someone"),
    Command(
      name: "report", argument: "[FILE]", summary: "the session report (Markdown; .json for JSON, .html for a page)"),
    Command(
      name: "serve", argument: "[ADDR[:PORT]]",
      summary: "let participants vote from their own devices (loopback unless ADDR; shows the join link)"),
    Command(name: "help", summary: "this list"),
    Command(name: "quit", summary: "stop here; workshop resume NAME goes on"),
  ]

  /// Runs until the agenda ends or the facilitator quits.
  ///
  /// `false` when input ended.
  @discardableResult
  public func run() -> Bool {
    engine.open()
    let notices = reader.notices
    observer = engine.observe { [console] event in
      guard let text = Self.arrival(event) else { return }
      notices { console.line(text) }
    }
    defer {
      observer.map(engine.stopObserving)
      serving?.stop()
    }
    showCurrent()
    if let shown = engine.shownReveal() {
      console.line(styler.dim("Round \(shown.round) was revealed before the break:"))
      show(shown)
    }
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
      case "timer": timer(argument)
      case "status": status()
      case "participants": participants(argument)
      case "report": report(argument)
      case "serve": serve(argument)
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
    guard session.current != nil else {
      console.line("The agenda is over; report FILE writes the record.")
      return
    }
    switch engine.record(line: line) {
    case .failure(let problem):
      console.line(styler.warning("Not recorded: \(problem).") + " Nothing of that line was kept.")
    case .success(let outcome):
      let corrected = outcome.afterReveal ? " (after the reveal: reveal again to update)" : ""
      console.line(
        "Recorded \(outcome.votes.count) vote\(outcome.votes.count == 1 ? "" : "s")\(corrected)."
          + (outcome.waiting.isEmpty
            ? " Everyone has voted: reveal when ready." : " Waiting for: \(outcome.waiting.joined(separator: ", ")).")
      )
    }
  }

  /// The line shown when something arrives from a device, or `nil` for changes made here.
  static func arrival(_ event: WorkshopEngine.Event) -> String? {
    switch event {
    case .voted(let names, .device, let waiting, let total):
      let voted = total - waiting.count
      let missing = waiting.isEmpty ? "everyone has voted" : "waiting for \(Self.shortList(waiting))"
      return "  ← \(names.joined(separator: ", ")) voted · \(voted) of \(total) · \(missing)"
    case .joined(let name, .device):
      return "  ← \(name) joined from a device"
    case .savingFailed(let problem):
      return "! The workshop is not being saved: \(problem). It goes on in memory; report FILE still works."
    default:
      return nil
    }
  }

  /// Names for one line: the first few, then how many more.
  static func shortList(_ names: [String], most: Int = 8) -> String {
    names.count <= most
      ? names.joined(separator: ", ") : names.prefix(most).joined(separator: ", ") + " and \(names.count - most) more"
  }

  // MARK: Commands

  private func reveal() {
    switch engine.reveal() {
    case .agendaOver: return
    case .noVotes:
      console.line(
        "No votes yet in this round. Type them in roster order: \(session.participants.joined(separator: " ")).")
    case .shown(let reveal): show(reveal)
    }
  }

  private func show(_ reveal: WorkshopReveal) {
    console.line("")
    console.line(
      styler.bold(
        "Round \(reveal.round) · \(reveal.total) vote\(reveal.total == 1 ? "" : "s") · disagreement \(TextWrap.percent(reveal.disagreement))"
      ))
    let most = reveal.counts.map(\.votes).max() ?? 1
    for entry in reveal.counts {
      let bar = Bar.draw(Double(entry.votes) / Double(max(most, 1)), width: 20)
      let text = entry.option.text.count > 48 ? String(entry.option.text.prefix(47)) + "…" : entry.option.text
      console.line(
        "  \(styler.bold(entry.option.id.padding(toLength: 7, withPad: " ", startingAt: 0))) \(bar) \(entry.votes)  \(text)"
      )
    }
    if !reveal.notVoted.isEmpty {
      console.line(styler.dim("  Did not vote: \(Self.shortList(reveal.notVoted, most: 20))."))
    }
    if let first = reveal.firstRoundDisagreement {
      console.line(
        styler.dim(
          "  Round 1 disagreement was \(TextWrap.percent(first)); now \(TextWrap.percent(reveal.disagreement))."))
    }
    if let reading = reveal.posting {
      console.line(
        TextWrap.wrap(
          "rolefit reads the duties as \(reading.role) (\(reading.band))\(reading.titleMismatch ? ", not what the title says" : ""): \(reading.phrases.map { "\"\($0)\"" }.joined(separator: ", ")).",
          width: console.width, indent: "  ", firstIndent: "  "))
    }
    console.line("")
    console.line(TextWrap.wrap("Teaching note: \(reveal.note)", width: console.width, indent: "  "))
    for source in reveal.sources {
      console.line(
        styler.dim(
          TextWrap.wrap(
            "Source: \(source.claim) (“\(source.source)”)", width: console.width, indent: "    ", firstIndent: "  ")))
    }
    switch reveal.agreement {
    case .split(let threshold):
      console.line("")
      console.line(styler.warning("The group is split (above \(TextWrap.percent(threshold))). Discuss, then revote:"))
      for prompt in reveal.prompts {
        console.line(TextWrap.wrap(prompt, width: console.width, indent: "    ", firstIndent: "  - "))
      }
    case .unanimous, .majority:
      console.line(
        styler.dim(Self.agreementLine(reveal.agreement) + " Enter moves on; revote if the discussion changed minds."))
      for prompt in reveal.prompts.prefix(1) {
        console.line(TextWrap.wrap("To probe: \(prompt)", width: console.width, indent: "  "))
      }
    }
  }

  /// How the group stands, in one sentence.
  static func agreementLine(_ agreement: WorkshopReveal.Agreement) -> String {
    switch agreement {
    case .unanimous(let option): return "Everyone chose \(option)."
    case .majority(let option, let votes, let total):
      return "\(votes) of \(total) chose \(option); \(total - votes) chose otherwise."
    case .split(let threshold): return "The group is split (above \(TextWrap.percent(threshold)))."
    }
  }

  private func revote() {
    guard engine.revote() else { return }
    console.line("Round \(session.round): everyone votes again on the same item. The earlier round is kept.")
  }

  private func go(to item: Int) {
    guard item >= 0 else {
      console.line("This is the first item.")
      return
    }
    engine.move(to: min(item, session.items.count))
    showCurrent()
  }

  private func note(_ text: String?) {
    guard let text, !text.isEmpty else {
      console.line("Usage: note TEXT")
      return
    }
    let item = engine.note(text)
    console.line(item < session.items.count ? "Noted on item \(item + 1)." : "Noted as a closing note.")
  }

  private func timer(_ argument: String?) {
    let word = argument?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    switch word {
    case "": break
    case "pause": engine.adjustTimer(.pause)
    case "resume": engine.adjustTimer(.resume)
    default:
      let extending = word.hasPrefix("+") || word.hasPrefix("-")
      guard let minutes = Double(word.hasPrefix("+") ? String(word.dropFirst()) : word), minutes.isFinite,
        abs(minutes) <= Double(24 * 60), extending || minutes >= 0
      else {
        console.line(
          "Usage: timer, timer MINUTES (set what is left), timer +MINUTES / -MINUTES, timer pause, timer resume")
        return
      }
      engine.adjustTimer(extending ? .extend(minutes * 60) : .set(minutes * 60))
    }
    guard let current = session.current, let left = session.secondsLeft(now: engine.now) else { return }
    let section = session.agenda.sections[current.section]
    let text = left >= 0 ? "\(clockText(left)) left" : "\(clockText(-left)) over"
    let paused = session.timerPaused != nil ? " (paused: timer resume starts it again)" : ""
    console.line("\(section.title): \(section.minutes) minutes planned, \(text)\(paused).")
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
    do {
      if try engine.addParticipant(name) {
        console.line("Added \(name); they vote last in roster order.")
      } else {
        console.line("\(name) is already on the roster.")
      }
    } catch {
      console.line(styler.warning("Not added: \(error)."))
    }
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
    let options = session.options(for: current.item, pack: pack)
    let ids = options.map(\.id)
    // A posting's options are roles: each also answers to a letter, as every other item's do.
    let lettered = VoteLine.letter(at: 0, among: ids) != nil
    let width = lettered ? 12 : 8
    for (index, option) in options.enumerated() {
      let label = VoteLine.letter(at: index, among: ids).map { "\($0) \(option.id)" } ?? option.id
      console.line(
        TextWrap.wrap(
          option.text, width: console.width, indent: String(repeating: " ", count: width + 4),
          firstIndent: "  \(styler.bold(label.padding(toLength: width, withPad: " ", startingAt: 0)))  "))
    }
    console.line(styler.dim("Votes in roster order: \(session.participants.joined(separator: " ")) · then reveal"))
  }

  func prompt() -> String {
    guard session.current != nil else { return "[done] workshop> " }
    var time = ""
    if let left = session.secondsLeft(now: engine.now) {
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
    let session = self.session
    let key = CompletionKey(position: session.position, rosterSize: session.participants.count)
    let options = session.current.map { session.options(for: $0.item, pack: pack).map(\.id) } ?? []
    // A roster that grows by one extends the cached list instead of rebuilding it: adding a
    // participant costs the same with 5 or 5,000 on the roster.
    // The reader's copy is let go first, so the cached lists are extended in place, not copied.
    reader.completion = CompletionContext()
    if let old = completionCache?.key, old.position == key.position, old.rosterSize <= key.rosterSize,
      var cached = completionCache.take()
    {
      let added = session.participants[cached.key.rosterSize...].flatMap { name in
        options.map { "\(name.lowercased())=\($0)" }
      }
      cached.context.firstWord += added
      cached.context.laterWords += added
      cached.key = key
      completionCache = cached
      return cached.context
    }
    let names = session.participants.flatMap { name in options.map { "\(name.lowercased())=\($0)" } }
    let context = CompletionContext(
      firstWord: Self.commands.map(\.name) + options + names,
      afterCommand: ["participants": ["add"], "timer": ["pause", "resume"]],
      laterWords: options + names)
    completionCache = (key, context)
    return context
  }

  private func serve(_ address: String?) {
    guard let serving else {
      console.line("Serving to devices is not available here; rolefit workshop serve NAME starts a served workshop.")
      return
    }
    do {
      let address = address?.trimmingCharacters(in: .whitespaces)
      let link = try serving.start(engine, address: address?.isEmpty == false ? address : nil)
      showJoinLink(link)
    } catch {
      console.line(styler.warning("Cannot serve: \(error)"))
    }
  }

  /// The join link, large enough to copy from the back of the room, and on a terminal its QR
  /// code when the system has an encoder (`qrencode`).
  public func showJoinLink(_ link: String) {
    let rule = String(repeating: "━", count: min(max(link.count + 4, 20), max(console.width, 20)))
    console.line("")
    if console.isTerminal, let code = QRCode.text(for: link),
      code.split(separator: "\n").allSatisfy({ $0.count <= console.width })
    {
      // Only where every row fits: a wrapped row is no code at all.
      console.text(code)
    }
    console.line(styler.bold(rule))
    console.line(styler.bold("  JOIN: \(link)"))
    console.line(styler.bold(rule))
    console.line(
      styler.dim(
        "Participants open this link on the same network and choose their name. Votes arrive here as they come; "
          + "typed votes still work. The server stops when you quit."))
  }
}

/// What the completion list depends on: rebuilt when the item or the roster changes.
private struct CompletionKey: Equatable {
  var position: Int
  var rosterSize: Int
}
