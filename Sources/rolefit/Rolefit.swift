import ArgumentParser
import Foundation
import RolefitCore
import RolefitTerminal

/// The `rolefit` command: with no subcommand, the interactive session.
@main
struct Rolefit: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rolefit",
    abstract: "Is this work project management or program management, and what should you do about it?",
    discussion: """
      Run `rolefit` with no arguments for an interactive session: take the self-assessment, \
      analyse a job description, or run a workshop. Everything rolefit knows comes from a \
      content pack of YAML files; the bundled pack is built in, and `--content DIR` or \
      ROLEFIT_CONTENT picks another.

      Examples:
        rolefit                              the interactive session
        rolefit assess --answers me.yaml     score an answers file
        rolefit questions --format json      every question, option and weight
        rolefit jd posting.txt               what role a posting really describes
        rolefit narrative summaries.md       do your PgMP summaries read as programs?
        rolefit workshop new intro \\
          --agenda project-or-program-intro --participants "Ana, Ben"
        rolefit sessions                     saved assessments, workshops, postings
        rolefit content lint ./my-pack       check a content pack

      Exit codes: 0 success, 64 usage error, 65 bad data, 66 missing input, \
      73 cannot create, 74 cannot write. NO_COLOR=1 turns colour off.
      """,
    version: RolefitVersion.string,
    subcommands: [
      Start.self, Assess.self, JD.self, Narrative.self, WorkshopCommand.self, Sessions.self, History.self,
      Questions.self,
      ContentCommand.self,
    ],
    defaultSubcommand: Start.self
  )

  /// Runs the command line; a first word that names no command is refused as such, instead of
  /// reaching the default session as an "unexpected argument".
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, !first.hasPrefix("-") {
      let names = configuration.subcommands.map { $0._commandName }
      if !names.contains(first) && first != "help" {
        let hint = EditDistance.suggestion(for: first, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        Console.standardError.line(
          "rolefit: unknown command '\(first)'\(hint). Commands: \(names.joined(separator: ", ")); see rolefit --help.")
        Foundation.exit(ExitCode.validationFailure.rawValue)
      }
    }
    do {
      // As ArgumentParser's own main does: after the await, commands run off the main thread,
      // which Ctrl-C handling under readline depends on.
      var command = try await asyncParseAsRoot(arguments)
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      // ArgumentParser's own messages echo what was typed: they go through the console too,
      // so an option name holding escape sequences shows them as visible characters.
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        (code == .success ? Console.standardOutput : Console.standardError).line(message)
      }
      Foundation.exit(code.rawValue)
    }
  }
}

enum RolefitVersion {
  static let string = "0.1.0"
}
