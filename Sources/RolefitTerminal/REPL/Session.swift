import Foundation
import RolefitCore

/// The interactive session: a start menu, the self-assessment and the other tools, driven by
/// a `LineReader` so the same logic runs on readline, on a pipe and in tests.
public final class Session {
  let pack: ContentPack
  let console: Console
  let reader: any LineReader
  let clock: @Sendable () -> Double
  var lastReport: AssessmentReport?
  /// The last analysed posting, for `jd explain` and `jd save`.
  var lastPosting: PostingAnalysis?
  /// The last `clarify` outline as shown, for `clarify save FILE`.
  var lastOutline: String?
  /// The last `narrative` reading, for `narrative save FILE`.
  var lastNarrative: NarrativeReport?
  /// What the session showed last, so that a plain `save FILE` keeps that.
  var lastResult: ResultKind?
  /// The assessment under way or last left, so `assess` resumes it.
  var run: AssessmentRun?
  /// Questions of the resumed run that this content no longer asks, told once on resuming.
  var setAside: [String] = []
  /// Where finished and interrupted assessments are kept, if anywhere.
  let recorder: (any AssessmentRecorder)?
  /// Where workshops are kept, when there is a database.
  let workshops: (any WorkshopLibrary)?
  /// Where analysed postings are kept, when there is a database.
  let postings: (any PostingArchive)?
  /// What `serve` in a workshop starts, when the participants' web pages are available.
  let serving: (any WorkshopServing)?
  /// Where to write the last result as JSON when the session ends (`assess --out`).
  public var outFile: String?
  /// Whether the person was asked (or told with `--person`) whose assessment it is; set it for a
  /// session resumed by number, which already belongs to someone (or to nobody named).
  public var nameKnown = false

  public init(
    pack: ContentPack, console: Console, reader: any LineReader,
    recorder: (any AssessmentRecorder)? = nil, workshops: (any WorkshopLibrary)? = nil,
    postings: (any PostingArchive)? = nil, serving: (any WorkshopServing)? = nil,
    clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }
  ) {
    self.serving = serving
    self.pack = pack
    self.console = console
    self.reader = reader
    self.recorder = recorder
    self.workshops = workshops
    self.postings = postings
    self.clock = clock
  }

  var styler: any TextStyler { console.styler }

  /// Runs until the user leaves.
  ///
  /// `startWith` runs one command first (`assess`).
  public func run(startWith command: String? = nil) {
    if command == nil { welcome() }
    nameKnown = nameKnown || recorder?.person != nil
    if let resumable = recorder?.resumableRun(pack: pack) {
      run = resumable.run
      setAside = resumable.setAside
      if command == nil {
        let whose = recorder?.person.map { "\($0), you have" } ?? "You have"
        console.line(
          styler.warning(
            "\(whose) an unfinished assessment from \(resumable.when) (\(TextWrap.count(resumable.run.answeredCount, "answer")))."
          ) + " Type assess to go on where you stopped, or assess new to start again.")
      }
    }
    if command == nil, run == nil, recorder?.person == nil, let owners = recorder?.unfinishedOwners(pack: pack),
      !owners.isEmpty
    {
      console.line(
        styler.warning("Unfinished assessments of " + owners.joined(separator: ", ") + ".")
          + " Type assess and give your name to go on where you stopped.")
    }
    if let command {
      guard handleMain(command) else { return }
    }
    mainLoop()
  }

  private func welcome() {
    guard reader.isInteractive else { return }
    let length = AssessmentLength(pack: pack, track: .current)
    console.line(styler.bold("rolefit") + " · is it project management or program management?")
    console.line(styler.dim("Content: \(pack.name) \(pack.version)"))
    console.line("")
    console.line(
      "  1  assess    take the self-assessment (\(length.questions) questions with the profile, about \(length.minutes) minutes)"
    )
    console.line("  2  jd        paste a job description: which role do its duties describe?")
    console.line("  3  clarify   no posting yet? describe the role and get a posting outline")
    console.line("  4  workshop  run a group calibration session (workshop new NAME)")
    console.line("  5  help      every command")
    console.line("")
    console.line(styler.dim("Type a number or a command, then Enter. Tab completes. Ctrl-D leaves."))
  }

  private func mainLoop() {
    while true {
      reader.completion = CompletionContext(
        firstWord: Command.main.map(\.name),
        afterCommand: [
          "cert": pack.credentials.map(\.id), "role": pack.assessedRoles.map(\.id), "jd": ["explain", "save"],
          "narrative": ["save"], "clarify": ["save"],
          "workshop": ["new", "resume", "list"], "assess": ["new", "short"],
          "workshop resume": (try? workshops?.names()) ?? [],
        ])
      switch reader.readLine(prompt: "rolefit> ", remember: true) {
      case .endOfInput:
        leave()
        return
      case .interrupted:
        continue
      case .line(let line):
        guard handleMain(line) else {
          leave()
          return
        }
      }
    }
  }

  private func leave() {
    if let outFile, lastReport == nil {
      console.line(
        styler.warning("No finished assessment, so nothing was written to \(outFile).")
          + (recorder == nil ? " Nothing was saved." : " Your answers are kept: assess goes on."))
    }
    if let outFile, let lastReport {
      let json = AssessmentRenderer(pack: pack).render(lastReport, as: .json)
      do {
        try OutputFile.write(json, to: outFile, json: true)
        console.line("Saved your result to \(outFile).")
      } catch {
        Console.standardError.line("rolefit: \(error)")
      }
    }
    if reader.isInteractive { console.line("Bye.") }
  }

  /// Handles one line at the main prompt; `false` means leave.
  func handleMain(_ line: String) -> Bool {
    let words = line.split(separator: " ", maxSplits: 1).map(String.init)
    guard let first = words.first else { return true }
    let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : nil
    let menu = ["1": "assess", "2": "jd", "3": "clarify", "4": "workshop", "5": "help"]
    let name = menu[first] ?? first
    guard let command = Command.named(name, in: Command.main) else {
      unknown(first, among: Command.main)
      return true
    }
    switch command.name {
    case "assess":
      // assess, assess new (start again), assess short (the short adaptive form), or both.
      let words = (argument ?? "").lowercased().split(separator: " ").map(String.init)
      guard words.allSatisfy({ ["new", "short", "--short"].contains($0) }) else {
        console.line(
          "Usage: assess (go on with your assessment), assess new (start again), assess short (the short adaptive form)"
            + " or assess new short.")
        return true
      }
      return assess(fresh: words.contains("new"), short: words.contains("short") || words.contains("--short"))
    case "jd": return jobDescription(argument)
    case "clarify": return clarify(argument)
    case "narrative": return narrative(argument)
    case "workshop": return workshop(argument)
    case "result": showResult()
    case "details": showDetails()
    case "save": save(to: argument)
    case "cert": showCredential(argument)
    case "role": showRole(argument)
    case "help": help(Command.main, title: "Commands")
    case "quit": return false
    default: break
    }
    return true
  }

  func unknown(_ word: String, among commands: [Command], extra: [String] = []) {
    var message = "Unknown command '\(word)'."
    if let near = EditDistance.suggestion(for: word, among: commands.map(\.name) + extra) {
      message += " Did you mean '\(near)'?"
    }
    console.line(styler.warning(message) + " Type help for the list.")
  }

  func help(_ commands: [Command], title: String) {
    console.line(styler.bold(title))
    let width = commands.map(\.usage.count).max() ?? 8
    for command in commands {
      console.line("  " + command.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + command.summary)
    }
  }

  func showResult() {
    guard let lastReport = lastReport ?? savedReport() else {
      console.line("No result yet. Type assess to take the self-assessment.")
      return
    }
    lastResult = .assessment
    console.text(renderer.summary(lastReport, more: AssessmentRenderer.moreHint(command: "details")))
  }

  func showDetails() {
    guard let lastReport = lastReport ?? savedReport() else {
      console.line("No result yet. Type assess to take the self-assessment.")
      return
    }
    lastResult = .assessment
    console.text(renderer.details(lastReport))
  }

  /// The last finished assessment kept in the store (after a restart), as the last report:
  /// the person's, asked for first when nobody said whose results these are.
  func savedReport() -> AssessmentReport? {
    guard askName(), let answers = recorder?.lastFinished(pack: pack) else { return nil }
    let report = AssessmentReport(pack: pack, answers: answers)
    lastReport = report
    return report
  }

  var renderer: AssessmentRenderer { AssessmentRenderer(pack: pack, width: console.width, styler: styler) }

  /// The results a session shows and `save` can keep.
  enum ResultKind { case assessment, posting, outline, narrative }

  /// `save FILE`: keeps what was shown last, an assessment result, a posting's reading, a
  /// `clarify` outline or a `narrative` reading.
  private func save(to path: String?) {
    switch lastResult {
    case .posting: return savePosting(to: path)
    case .outline: return saveOutline(to: path)
    case .narrative: return saveNarrative(to: path)
    case .assessment, nil: break
    }
    guard let lastReport = lastReport ?? savedReport() else {
      console.line("Nothing to save yet: take the self-assessment (assess) or read a posting (jd) first.")
      return
    }
    guard let path, !path.isEmpty else {
      console.line("Usage: save FILE (a .md file gets Markdown, .json JSON, .html a page, anything else text).")
      return
    }
    let format = OutputFormat(path: path)
    do {
      try OutputFile.write(
        AssessmentRenderer(pack: pack, width: 80).render(lastReport, as: format), to: path, json: format == .json)
      console.line("Saved to \(path) (\(format.rawValue)).")
    } catch {
      console.line(styler.warning("Cannot save: \(error)"))
    }
  }

  private func showCredential(_ id: String?) {
    guard let id,
      let credential = pack.credential(id)
        ?? pack.credentials.first(where: { $0.short.lowercased() == id.lowercased() })
    else {
      let known = pack.credentials.map(\.id).joined(separator: ", ")
      let near = id.flatMap { EditDistance.suggestion(for: $0, among: pack.credentials.map(\.id)) }
      console.line(
        (id == nil ? "Usage: cert ID. " : "Unknown credential '\(id ?? "")'. ")
          + (near.map { "Did you mean '\($0)'? " } ?? "") + "Known: \(known)")
      return
    }
    let profile = Profile(answers: run?.answers ?? lastReport?.answers ?? AnswerSheet(), pack: pack)
    let eligibility = EligibilityChecker(pack: pack).check(credential, for: profile)
    console.line(styler.bold("\(credential.short): \(credential.name)") + styler.dim(" (\(credential.body))"))
    console.line(TextWrap.wrap(credential.summary, width: console.width, indent: "  ", firstIndent: "  "))
    console.line(credential.routes.count == 1 ? "  The route to eligibility:" : "  Any one of these routes:")
    for route in credential.routes {
      console.line(TextWrap.wrap(route.name, width: console.width, indent: "      ", firstIndent: "  - "))
      for rule in route.rules(in: pack) {
        console.line(TextWrap.wrap(rule, width: console.width, indent: "        ", firstIndent: "      · "))
      }
      if !route.verified || route.note != nil {
        let caveat = (route.verified ? "" : "Unverified. ") + (route.note ?? "")
        console.line(
          styler.dim(TextWrap.wrap("Note: \(caveat)", width: console.width, indent: "        ", firstIndent: "      ")))
      }
    }
    if let exam = credential.exam {
      console.line(TextWrap.wrap("Exam: \(exam)", width: console.width, indent: "    ", firstIndent: "  "))
    }
    if let upkeep = credential.upkeep {
      console.line(TextWrap.wrap("Upkeep: \(upkeep)", width: console.width, indent: "    ", firstIndent: "  "))
    }
    if let note = credential.note {
      console.line(styler.dim(TextWrap.wrap("Note: \(note)", width: console.width, indent: "    ", firstIndent: "  ")))
    }
    console.line(
      styler.dim(
        TextWrap.wrap(
          "Source: \(credential.source), as of \(credential.asOf)."
            + (credential.verified ? "" : " " + AssessmentRenderer.unverified), width: console.width, indent: "    ",
          firstIndent: "  ")))
    console.line(TextWrap.wrap("You: \(eligibility.detail)", width: console.width, indent: "    ", firstIndent: "  "))
  }

  private func showRole(_ id: String?) {
    guard let id, let role = pack.assessedRole(id) else {
      console.line("Usage: role ID, one of: " + pack.assessedRoles.map(\.id).joined(separator: ", "))
      return
    }
    console.line(
      TextWrap.wrap(
        styler.colored(styler.bold(role.name), as: role.color) + ": " + role.summary, width: console.width,
        indent: "  "))
    for claim in role.claims.compactMap({ pack.claim($0) }) {
      let title = pack.source(claim.source)?.title ?? claim.source
      console.line(
        TextWrap.wrap("\(claim.text) (“\(title)”)", width: console.width, indent: "    ", firstIndent: "  - "))
    }
  }
}
