import ArgumentParser
import Foundation
import RolefitCore
import RolefitTerminal

/// `rolefit content`: check and describe a content pack.
struct ContentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "content",
    abstract: "Check a content pack (lint), count what it holds (stats) or simulate respondents (simulate).",
    subcommands: [Lint.self, Stats.self, Simulate.self])

  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report every problem in a content pack, as path:line:column: severity: message.",
      discussion: """
        Checks the schema (required fields, types, unknown keys), references (role, area, claim, \
        credential and prerequisite ids exist; ids are unique), balance (how far each role can be \
        reached; questions that cannot change the result), desirability (option length ratio, strategy \
        words in one role's options only, weightless "not my job" options), freshness (facts older than the pack's \
        freshness_months), coverage (source claims nothing cites) and the lexicon (a phrase listed under a second \
        entry, where it never counts). \
        Exit status 65 when there is any error; warnings alone exit 0. \
        Without DIR, lints --content, ROLEFIT_CONTENT or the bundled pack.
        """)

    @Argument(help: ArgumentHelp("The pack folder to check.", valueName: "dir")) var directory: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        var options = content
        if let directory { options.directory = directory }
        let outcome = ContentLoader.read(try options.files())
        var diagnostics = outcome.diagnostics
        if let pack = outcome.pack { diagnostics += PackLinter(pack: pack).lint() }
        let console = Console.standardOutput
        for diagnostic in diagnostics {
          let label =
            diagnostic.severity == .error ? console.styler.bold(diagnostic.description) : diagnostic.description
          console.line(label)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        Console.standardError.line(
          "\(options.origin): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(65) }
      }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Count what a content pack holds, in a table.")

    @Argument(help: ArgumentHelp("The pack folder.", valueName: "dir")) var directory: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
      try reportingErrors {
        var options = content
        if let directory { options.directory = directory }
        let pack = try options.load(warnings: false)
        Console.standardOutput.text(PackStats(pack: pack).table())
      }
    }
  }
}

extension ContentCommand {
  /// `rolefit content simulate`: simulated respondents answer the pack's assessment.
  struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score simulated respondents: each role answering with noise, and gaming strategies.",
      discussion: """
        Each role of the pack gets --count respondents who answer in character, picking a random \
        option with probability --noise; random, always-first, always-longest, most-strategic and \
        look-senior respondents get --count each. Every respondent is scored on the full form and \
        replayed through the short form. Seeded: the same flags give the same figures.
        """)

    @Argument(help: ArgumentHelp("The pack folder.", valueName: "dir")) var directory: String?
    @OptionGroup var content: ContentOptions
    @Option(help: "Respondents per strategy.") var count = 100
    @Option(help: "The chance that an in-character respondent picks an option at random.") var noise = 0.2
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
      try reportingErrors {
        var options = content
        if let directory { options.directory = directory }
        let pack = try options.load(warnings: false)
        guard (0...1).contains(noise), count > 0 else {
          throw ValidationError("--noise must be between 0 and 1 and --count above 0")
        }
        let outcomes = RespondentSimulator(pack: pack).run(count: count, noise: noise, seed: seed)
        let summary = SimulationSummary(outcomes, pack: pack, noise: noise)
        Console.standardOutput.write(format == .json ? JSONOutput.encode(summary) : summary.text())
      }
    }
  }
}
