import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal
import RolefitWeb

/// `rolefit` with no subcommand: the interactive session.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start the interactive session (the default when no command is given).",
    discussion: """
      On a terminal the session uses GNU readline: Tab completes commands and answers, history \
      is kept in $XDG_STATE_HOME/rolefit/history (else ~/.local/state/rolefit/history), Ctrl-C \
      clears the line and Ctrl-D leaves. On a pipe, lines are read plainly, so \
      `printf 'assess\\nb\\na\\n' | rolefit` works in scripts. Every answer is saved as it is \
      given (see `rolefit sessions`); --no-save keeps nothing.
      """)

  @OptionGroup var content: ContentOptions
  @OptionGroup var store: StoreOptions
  @Option(help: ArgumentHelp("Whose assessment this is, for `rolefit history`.", valueName: "name"))
  var person: String?

  func run() throws {
    try reportingErrors {
      let pack = try content.load()
      let opened = try store.openForSession()
      try Self.runInteractive(
        pack: pack, startWith: nil, outFile: nil, store: opened,
        recorder: opened.map { StoreRecorder(store: $0, person: person) })
    }
  }

  /// Runs a session on readline when standard input is a terminal, else on plain lines.
  static func runInteractive(
    pack: ContentPack, startWith command: String?, outFile: String?, store: Store?, recorder: StoreRecorder?,
    resumingSession: Bool = false
  ) throws {
    let reader: any LineReader =
      isatty(STDIN_FILENO) == 1
      ? ReadlineLineReader(historyPath: ReadlineLineReader.defaultHistoryPath()) : PlainLineReader()
    let session = Session(
      pack: pack, console: .standardOutput, reader: reader, recorder: recorder,
      workshops: store.map { StoreWorkshopLibrary(store: $0) },
      postings: store.map { StorePostingArchive(store: $0, pack: pack) },
      serving: WorkshopWebServer(options: .init()))
    session.outFile = outFile
    session.nameKnown = resumingSession
    if store == nil && reader.isInteractive {
      Console.standardOutput.line(Console.standardOutput.styler.dim("Nothing is being saved in this session."))
    }
    session.run(startWith: command)
  }
}
