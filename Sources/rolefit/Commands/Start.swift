import ArgumentParser
import Foundation
import RolefitCore
import RolefitTerminal

/// `rolefit` with no subcommand: the interactive session.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start the interactive session (the default when no command is given).",
    discussion: """
      On a terminal the session uses GNU readline: Tab completes commands and answers, history
      is kept in $XDG_STATE_HOME/rolefit/history (else ~/.local/state/rolefit/history), Ctrl-C
      clears the line and Ctrl-D leaves. On a pipe, lines are read plainly, so
      `printf 'assess\\nb\\na\\n' | rolefit` works in scripts.
      """)

  @OptionGroup var content: ContentOptions

  func run() throws {
    try reportingErrors {
      try Self.runInteractive(pack: content.load(), startWith: nil, outFile: nil)
    }
  }

  /// Runs a session on readline when standard input is a terminal, else on plain lines.
  static func runInteractive(pack: ContentPack, startWith command: String?, outFile: String?) throws {
    let reader: any LineReader =
      isatty(STDIN_FILENO) == 1
      ? ReadlineLineReader(historyPath: ReadlineLineReader.defaultHistoryPath()) : PlainLineReader()
    let session = Session(pack: pack, console: .standardOutput, reader: reader)
    session.outFile = outFile
    session.run(startWith: command)
  }
}
