import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit jd`: what role a job description really describes, and what to fix in it.
struct JD: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jd",
    abstract: "Read job descriptions: which role the duties describe, why, and what to fix.",
    discussion: """
      Analyses each FILE (a folder: every .txt and .md file in it; -: standard input) and prints \
      the fit over the content's roles plus `other`, every matched phrase with its reason and \
      source claim, the title check, and linter-style recommendations. It classifies jobs, \
      never candidates.

      Batch: --jsonl FILE reads one JSON object a line ({"text", "id", "title"}) and writes one \
      JSON result a line with the same id. --format csv gives one summary row per posting. \
      Both cores are used and memory stays flat; a summary goes to standard error.

      --evaluate FILE reads labelled JSONL ({"text", "label", ...}; label is a role id or \
      `other`) and prints accuracy, precision and recall per label and the confusion matrix.

      A posting with no text is reported and counted (exit 65 at the end); text that is not \
      UTF-8 is decoded with replacement characters and flagged; a posting over --max-size is \
      refused; a malformed JSONL line is named by its number and skipped.
      """)

  @Argument(help: ArgumentHelp("Posting files or folders; - for standard input.", valueName: "file"))
  var inputs: [String] = []
  @Option(
    name: .customLong("jsonl"),
    help: ArgumentHelp("Read postings as JSON lines from a file (- for standard input).", valueName: "file"))
  var jsonl: String?
  @Option(help: "Output format: text, markdown, json or csv (with --jsonl, json means one line per posting).")
  var format: PostingFormat = .text
  @Option(help: ArgumentHelp("Labelled JSONL to measure accuracy on.", valueName: "file"))
  var evaluate: String?
  @Option(
    name: .customLong("min-accuracy"),
    help: ArgumentHelp("With --evaluate: exit 1 when accuracy is below this (0-1).", valueName: "share"))
  var minAccuracy: Double?
  @Option(help: ArgumentHelp("The posting's title, when it is not the first line of the text.", valueName: "title"))
  var title: String?
  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp(
      "The largest posting accepted, in KiB (at most \(JobDescriptionAnalyzer.largestKiB)).", valueName: "kib"))
  var maxSize: Int = 1024
  @Flag(name: .customLong("no-text"), help: "In text output, leave out the highlighted posting.")
  var noText = false
  @Flag(help: "Keep every analysis in the database (see `rolefit sessions`).")
  var save = false
  @OptionGroup var store: StoreOptions
  @OptionGroup var content: ContentOptions

  enum PostingFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

  func validate() throws {
    if inputs.isEmpty && jsonl == nil && evaluate == nil {
      throw ValidationError("Give posting files, - for standard input, --jsonl FILE or --evaluate FILE.")
    }
    if maxSize < 1 || maxSize > JobDescriptionAnalyzer.largestKiB {
      throw ValidationError("--max-size must be between 1 and \(JobDescriptionAnalyzer.largestKiB) (KiB).")
    }
    if let minAccuracy, !(0...1).contains(minAccuracy) {
      throw ValidationError("--min-accuracy must be a share between 0 and 1 (got \(minAccuracy)).")
    }
  }

  func run() throws {
    try reportingErrors {
      let pack = try content.load(sections: [.assessment, .jobDescription])
      let analyzer: JobDescriptionAnalyzer
      do {
        analyzer = try JobDescriptionAnalyzer(pack: pack)
      } catch let error as PostingError {
        throw CLIError.badData(error.description)
      }
      let batch = PostingBatch(analyzer: analyzer, maxBytes: maxSize * 1024)
      var runner = JDRunner(pack: pack, batch: batch, format: format, showText: !noText)
      if save { runner.archive = StorePostingArchive(store: try store.open(), pack: pack) }
      if let evaluate {
        let evaluation = try runner.evaluate(path: evaluate)
        Console.standardOutput.write(evaluation.report())
        if let minAccuracy, evaluation.accuracy < minAccuracy {
          Console.standardError.line(
            "rolefit: accuracy \(TextWrap.percent(evaluation.accuracy)) is below --min-accuracy \(TextWrap.percent(minAccuracy))"
          )
          throw ExitCode(1)
        }
        return
      }
      if let jsonl { try runner.runJSONL(path: jsonl) }
      for input in inputs { try runner.runInput(input, title: title) }
      runner.finish()
      if runner.unsaved > 0 { throw ExitCode(74) }
      if runner.missingFiles > 0 { throw ExitCode(66) }
      if runner.failures > 0 { throw ExitCode(65) }
    }
  }
}
