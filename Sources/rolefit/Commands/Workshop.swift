import ArgumentParser
import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitStore
import RolefitTerminal
import RolefitWeb

/// `rolefit workshop`: guided calibration sessions for a group, from one terminal.
struct WorkshopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workshop",
    abstract: "Run a group calibration workshop: everyone votes on the same item, the group sees where it disagrees.",
    discussion: """
      Agendas live in the content pack (content/workshops/). During a session type each item's \
      votes in roster order (`a b a c`) or by name (`ana=a ben=b`), then `reveal`; above the \
      agenda's disagreement threshold rolefit suggests discussing and a `revote` (both rounds are \
      kept). Everything is saved as it happens; `workshop resume NAME` goes on after a break. \
      Remote participants run `rolefit assess --out NAME.json` and you import the files. \
      `workshop serve NAME` (or `serve` during a session) lets participants vote from their own \
      phones and laptops on a local web page while you drive from the terminal.
      """,
    subcommands: [New.self, Resume.self, Serve.self, List.self, Import.self, Report.self])

  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a saved workshop with participants voting from their own devices.",
      discussion: """
        Serves the participants' page on --bind (the loopback address unless you name another: \
        binding to a LAN address is your choice) and shows the join link. Each participant opens \
        it, chooses their name and votes; you reveal, revote and move on from this terminal as \
        usual, and typed votes still work. The server stops when you quit.
        """)
    @Argument(help: "The workshop's name (create it with `workshop new`).") var name: String
    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1, a LAN address, or 0.0.0.0.", valueName: "addr"))
    var bind = "127.0.0.1"
    @Option(help: ArgumentHelp("The port; 0 picks a free one.", valueName: "port")) var port = 0
    @Flag(help: "Let people who are not on the roster join under a name they type.") var openRoster = false
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        let found = try WorkshopCommand.find(name, store: store, pack: pack)
        let server = WorkshopWebServer(options: .init(bind: bind, port: port, openRoster: openRoster))
        try WorkshopCommand.facilitate(
          found.session, pack: pack, recorder: found.recorder, serving: server, serveNow: true)
      }
    }
  }

  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a workshop and run it.")
    @Argument(help: "A name for the session, unique in the database.") var name: String
    @Option(
      help: ArgumentHelp(
        "The agenda id: \(WorkshopCommand.bundledAgendaIDs) in the bundled pack (`rolefit content stats` lists another pack's).",
        valueName: "id"))
    var agenda: String
    @Option(help: ArgumentHelp("The roster, in voting order: \"Ana, Ben, Chen\".", valueName: "names"))
    var participants: String
    @Option(help: ArgumentHelp("Who runs it, named in the record's header.", valueName: "name"))
    var facilitator: String?
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
      if let facilitator, !WorkshopEngine.isValidName(facilitator.trimmingCharacters(in: .whitespaces)) {
        throw ValidationError("--facilitator: \(WorkshopEngine.Refusal.nameInvalid)")
      }
    }

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        guard let chosen = pack.agenda(agenda) else {
          let near = EditDistance.suggestion(for: agenda, among: pack.agendas.map(\.id))
          throw CLIError.usage(
            "no agenda '\(agenda)'" + (near.map { " (did you mean '\($0)'?)" } ?? "") + "; agendas: "
              + pack.agendas.map(\.id).joined(separator: ", "))
        }
        let roster = WorkshopRoster.parse(participants)
        guard !roster.isEmpty else { throw CLIError.usage("--participants names nobody") }
        let session = WorkshopSession(
          name: name, agenda: chosen, pack: pack, participants: roster,
          facilitator: facilitator?.trimmingCharacters(in: .whitespaces))
        let library = StoreWorkshopLibrary(store: try store.open())
        let recorder = try storeCall { try library.create(session) }
        try WorkshopCommand.facilitate(session, pack: pack, recorder: recorder)
      }
    }
  }

  struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Go on with a workshop where it stopped.")
    @Argument(help: "The workshop's name.") var name: String
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        let found = try WorkshopCommand.find(name, store: store, pack: pack)
        try WorkshopCommand.facilitate(found.session, pack: pack, recorder: found.recorder)
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The saved workshops.")
    @OptionGroup var store: DatabaseOptions

    func run() throws {
      try reportingErrors {
        let lines = try storeCall { try StoreWorkshopLibrary(store: try store.openForReading()).list() }
        Console.standardOutput.line(
          lines.isEmpty
            ? "No workshops yet. `rolefit workshop new NAME --agenda ID --participants \"Ana, Ben\"` starts one."
            : lines.joined(separator: "\n"))
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add participants' own results (`rolefit assess --out NAME.json`) to a workshop.",
      discussion: "The participant's name is the file's name. A participant imported twice is reported, not duplicated."
    )
    @Argument(help: "The workshop's name.") var name: String
    @Argument(help: "Result files.") var files: [String]
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        let library = try WorkshopCommand.find(name, store: store, pack: pack).library
        var failed = 0
        for file in files {
          do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let outcome = try WorkshopImport.read(data, file: file, pack: pack)
            for warning in outcome.warnings { Console.standardError.line("rolefit: warning: \(warning)") }
            let added = try storeCall {
              try library.importAnswers(
                workshop: name, participant: outcome.participant, answers: outcome.answers, from: file)
            }
            Console.standardOutput.line(
              added
                ? "Imported \(outcome.participant) (\(TextWrap.count(outcome.answers.values.count, "answer"))) from \(file)."
                : "\(outcome.participant) was already imported; \(file) was not added again.")
          } catch let problem as WorkshopImport.Problem {
            failed += 1
            Console.standardError.line("rolefit: \(problem)")
          } catch let error as CLIError {
            throw error
          } catch {
            failed += 1
            Console.standardError.line("rolefit: \(file): cannot read: \(error.localizedDescription)")
          }
        }
        if failed > 0 { throw ExitCode(65) }
      }
    }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The session's record: timing, votes per round, convergence, notes, fits and learning needs.")
    @Argument(help: "The workshop's name.") var name: String
    @Option(help: "Output format: text, markdown, json or html (text is the Markdown).")
    var format: OutputFormat = .markdown
    @Option(
      name: .customLong("out"), help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var outFile: String?
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        let pack = try content.load()
        let found = try WorkshopCommand.find(name, store: store, pack: pack, reading: true)
        let report = WorkshopReport(session: found.session, pack: pack)
        let text = report.render(as: format)
        if let outFile {
          try InputFiles.write(text, to: outFile, json: format == .json)
          Console.standardError.line("Wrote \(outFile).")
        } else if format == .json {
          Console.standardOutput.write(json: text)
        } else {
          Console.standardOutput.write(text)
        }
      }
    }
  }

  /// The bundled pack's agenda ids, for the help of `workshop new`.
  static let bundledAgendaIDs: String = {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    let ids = (try? ContentLoader.load(files, sections: [.assessment, .workshops]).pack)?.agendas.map(\.id) ?? []
    return ids.isEmpty ? "none" : ids.joined(separator: ", ")
  }()

  /// A saved workshop by name, rebuilt on the pack, with the library it came from; `reading`
  /// for a command that only reads it, which works on a database this user cannot write.
  static func find(_ name: String, store: DatabaseOptions, pack: ContentPack, reading: Bool = false) throws -> (
    library: StoreWorkshopLibrary, session: WorkshopSession, recorder: any WorkshopRecorder
  ) {
    let library = StoreWorkshopLibrary(store: try reading ? store.openForReading() : store.open())
    guard let found = try storeCall({ try library.open(named: name, pack: pack) }) else {
      throw CLIError.missingInput("no workshop called '\(name)'; `rolefit workshop list` shows them")
    }
    return (library, found.session, found.recorder)
  }

  /// Runs the facilitator's terminal; `serveNow` starts serving the participants' pages first.
  static func facilitate(
    _ session: WorkshopSession, pack: ContentPack, recorder: any WorkshopRecorder,
    serving: WorkshopWebServer = WorkshopWebServer(options: .init()), serveNow: Bool = false
  ) throws {
    let reader: any LineReader =
      isatty(STDIN_FILENO) == 1
      ? ReadlineLineReader(historyPath: ReadlineLineReader.defaultHistoryPath()) : PlainLineReader()
    let facilitator = WorkshopFacilitator(
      session: session, pack: pack, console: .standardOutput, reader: reader, recorder: recorder, serving: serving)
    if serveNow {
      do {
        facilitator.showJoinLink(try serving.start(facilitator.engine, address: nil))
      } catch {
        throw CLIError.ioError("\(error)")
      }
    }
    facilitator.run()
  }
}
