import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit sessions`: the saved assessments, workshops and postings.
struct Sessions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List, show, resume, export, delete and purge saved sessions; repair a damaged database.",
    discussion: """
      Every answer is saved as it is given, so an interrupted assessment (Ctrl-D, a closed \
      terminal, a killed process) is offered again at the next start. Assessments are personal \
      data: delete asks first (--yes skips the question), purge removes everything older than a date.
      """,
    subcommands: [List.self, Show.self, Resume.self, Export.self, Delete.self, Purge.self, Repair.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One line per session, newest first.")
    @Option(help: ArgumentHelp("Only this person's assessments.", valueName: "name")) var person: String?
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let sessions = try storeCall {
          try store.openForReading().sessions(kind: person == nil ? nil : .assessment, person: person)
        }
        let console = Console.standardOutput
        guard !sessions.isEmpty else {
          console.line(
            "No saved sessions" + (person.map { " for \($0)" } ?? "") + ". `rolefit assess` starts an assessment.")
          return
        }
        let pack = try? content.load(sections: .assessment)
        console.line(SessionTable.header)
        for session in sessions { console.line(SessionTable.row(session, pack: pack)) }
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A session in full: an assessment's answers and result, a posting's analysis, a workshop's report.")
    @Argument(help: "The session number (see `rolefit sessions`).") var id: Int64
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let record = try SessionLookup.record(id, store: store)
        let pack = try content.load()
        let console = Console.standardOutput
        console.line(SessionTable.header)
        console.line(SessionTable.row(record.summary, pack: pack))
        console.line("")
        console.text(try SessionContent.render(record, as: .text, pack: pack, store: store, console: console))
      }
    }
  }

  struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Go on with an unfinished assessment where it stopped (a finished one shows its result).")
    @Argument(help: "The session number.") var id: Int64
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        let record = try SessionLookup.record(id, store: store)
        guard record.summary.kind == .assessment else {
          throw CLIError.usage(
            "session \(id) is a \(record.summary.kind.rawValue), not an assessment; `rolefit sessions show \(id)` shows it"
          )
        }
        let console = Console.standardOutput
        if record.summary.isFinished {
          console.line(
            "Session \(id) is finished, so there is nothing to resume; here is its result."
              + " `rolefit assess" + (record.summary.person.map { " --person \"\($0)\"" } ?? "")
              + "` then `assess new` starts a new one.")
          console.line("")
          let renderer = AssessmentRenderer(pack: pack, width: console.width, styler: console.styler)
          console.text(
            renderer.summary(
              AssessmentReport(pack: pack, answers: record.answers),
              more: AssessmentRenderer.moreHint(command: "rolefit sessions show \(id)")))
          return
        }
        let opened = try store.open()
        let recorder = StoreRecorder(store: opened, person: record.summary.person)
        guard try storeCall({ try recorder.resume(session: id, pack: pack) }) != nil else {
          throw CLIError.missingInput("no unfinished assessment \(id); `rolefit sessions` lists them")
        }
        try Start.runInteractive(
          pack: pack, startWith: "assess", outFile: nil, store: opened, recorder: recorder, resumingSession: true)
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A session as JSON, Markdown, text or an HTML page, for keeping or sharing.")
    @Argument(help: "The session number.") var id: Int64
    @Option(help: "Output format: json, markdown, text or html.") var format: OutputFormat = .json
    @Option(
      name: .customLong("out"), help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var outFile: String?
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let record = try SessionLookup.record(id, store: store)
        let pack = try content.load()
        let console = Console.standardOutput
        // JSON escapes its own control characters; Markdown is made safe by the console.
        let text = try SessionContent.render(
          record, as: format, pack: pack, store: store,
          console: outFile == nil ? console : Console(capturingWithWidth: 80))
        if let outFile {
          try InputFiles.write(text, to: outFile, json: format == .json)
        } else if format == .json {
          console.write(json: text)
        } else {
          console.write(text)
        }
      }
    }
  }

  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a session (asks first unless --yes).")
    @Argument(help: "The session number.") var id: Int64
    @Flag(help: "Do not ask.") var yes = false
    @OptionGroup var store: DatabaseOptions

    func run() throws {
      try reportingErrors {
        let record = try SessionLookup.record(id, store: store)
        guard
          try Confirm.ask(
            "Delete session \(id) (\(record.summary.kind.rawValue), \(SessionTable.date(record.summary.started)))?",
            yes: yes)
        else {
          Console.standardOutput.line("Nothing deleted.")
          return
        }
        _ = try storeCall { try store.open().deleteSession(id) }
        Console.standardOutput.line("Deleted session \(id).")
      }
    }
  }

  struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete every session last changed before a date (a session resumed since is kept).")
    @Option(help: ArgumentHelp("YYYY-MM-DD: sessions last changed before this day are deleted.", valueName: "date"))
    var before: String
    @Flag(help: "Do not ask.") var yes = false
    @OptionGroup var store: DatabaseOptions

    func validate() throws {
      guard CalendarDate(before) != nil, before.count == 10 else {
        throw ValidationError("--before takes a date written YYYY-MM-DD, like 2026-01-31.")
      }
    }

    func run() throws {
      try reportingErrors {
        guard let day = CalendarDate(before) else { return }
        var parts = DateComponents()
        parts.year = day.year
        parts.month = day.month
        parts.day = day.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: parts) else { return }
        guard try Confirm.ask("Delete every session last changed before \(before)?", yes: yes) else {
          Console.standardOutput.line("Nothing deleted.")
          return
        }
        let count = try storeCall { try store.open().purge(before: date) }
        Console.standardOutput.line("Deleted \(count) session\(count == 1 ? "" : "s").")
      }
    }
  }

  struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Move a damaged database aside (timestamped) and start a new one.",
      discussion: "Nothing is deleted: the damaged file is renamed next to the new one, for recovery tools.")
    @OptionGroup var store: DatabaseOptions
    @Flag(help: "Do not ask.") var yes = false

    func run() throws {
      try reportingErrors {
        guard let path = store.resolvedPath else { throw CLIError.missingInput("no database path") }
        if (try? Store(path: path)) != nil {
          Console.standardOutput.line("\(path) opens fine; nothing to repair.")
          return
        }
        guard try Confirm.ask("Move \(path) aside and start a new, empty database?", yes: yes) else { return }
        let moved = try storeCall { try Store.repair(path: path) }
        _ = try store.open()
        Console.standardOutput.line("Moved the damaged file to \(moved ?? path) and started a new database at \(path).")
      }
    }
  }
}

/// Runs a store call, turning its errors into `CLIError.store`.
func storeCall<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as StoreError {
    throw CLIError.store(error)
  }
}

enum SessionLookup {
  static func record(_ id: Int64, store: DatabaseOptions) throws -> SessionRecord {
    guard let record = try storeCall({ try store.openForReading().session(id) }) else {
      throw CLIError.missingInput("no session \(id); `rolefit sessions` lists them")
    }
    return record
  }
}

/// A yes/no question on the terminal; refuses to guess when nobody can answer.
enum Confirm {
  static func ask(_ question: String, yes: Bool) throws -> Bool {
    if yes { return true }
    guard isatty(STDIN_FILENO) == 1 else {
      throw CLIError.usage("\(question) Standard input is not a terminal: pass --yes to confirm.")
    }
    Console.standardOutput.write("\(question) [y/N] ")
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    return answer == "y" || answer == "yes"
  }
}

/// The session list's columns.
enum SessionTable {
  static let header = "   id  kind        started           progress  person      fit"

  static func date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.timeZone = TimeZone.current
    return formatter.string(from: date)
  }

  static func row(_ session: SessionSummary, pack: ContentPack? = nil) -> String {
    let id = String(session.id)
    let progress: String
    switch session.kind {
    case .assessment: progress = session.isFinished ? "done" : "\(session.answered)/\(session.total)"
    default: progress = session.isFinished ? "done" : "open"
    }
    // Names, not ids, when the pack knows them.
    let band = session.band.map { id in pack?.scoring.bands.first { $0.id == id }?.name.lowercased() ?? id } ?? ""
    var fit =
      session.role.map { id in
        "\(pack?.role(id)?.name ?? id) (\(band), \(String(format: "%.2f", session.confidence ?? 0)))"
      } ?? "–"
    if let title = session.title { fit = "\(title): " + fit }
    return String(repeating: " ", count: max(0, 5 - id.count)) + id + "  "
      + session.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + date(session.started) + "  "
      + progress.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
      + (session.person ?? "–").padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + fit
  }
}
