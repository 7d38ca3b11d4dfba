import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

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
      Remote participants run `rolefit assess --out NAME.json` and you import the files.
      """,
    subcommands: [New.self, Resume.self, List.self, Import.self, Report.self])

  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a workshop and run it.")
    @Argument(help: "A name for the session, unique in the database.") var name: String
    @Option(help: ArgumentHelp("The agenda id (see `rolefit content stats`).", valueName: "id")) var agenda: String
    @Option(help: ArgumentHelp("The roster, in voting order: \"Ana, Ben, Chen\".", valueName: "names"))
    var participants: String
    @OptionGroup var store: DatabaseOptions
    @OptionGroup var content: ContentOptions

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
        let session = WorkshopSession(name: name, agenda: chosen, pack: pack, participants: roster)
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

  static func facilitate(_ session: WorkshopSession, pack: ContentPack, recorder: any WorkshopRecorder) throws {
    let reader: any LineReader =
      isatty(STDIN_FILENO) == 1
      ? ReadlineLineReader(historyPath: ReadlineLineReader.defaultHistoryPath()) : PlainLineReader()
    WorkshopFacilitator(session: session, pack: pack, console: .standardOutput, reader: reader, recorder: recorder)
      .run()
  }
}
