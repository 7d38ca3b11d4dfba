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
      the verdict over the content's roles plus `other` with its confidence (how often a verdict \
      like it was right on labelled postings the model never saw; the shares are the model's \
      weighing of the duties), the phrases that decided it, linter-style recommendations and the highlighted posting \
      (--evidence all lists every matched phrase with its fitted weight and source claim). It \
      classifies jobs, never candidates.

      Batch: --jsonl FILE reads one JSON object a line ({"text", "id", "title"}) and writes one \
      JSON result a line with the same id. --format csv gives one summary row per posting. \
      Both cores are used and memory stays flat; a summary goes to standard error.

      --evaluate FILE reads labelled JSONL ({"text", "label", ...}; label is a role id, the \
      first word of one such as `project`, or `other`) and prints accuracy, precision and recall \
      per label and the confusion matrix.

      --cross-validate FILE measures the engine as it would do on postings it never saw: the \
      weights are fitted on all folds but one and read the held-out fold, in turn, next to \
      the title alone: its words (the role a title names, as a list of titles is skimmed) and \
      rolefit's title rules with no duties (add "sector" and "confidence" fields for figures \
      per sector and on high-confidence labels). \
      --fit FILE --out jd-model.yaml fits the weights on your own labelled postings, with the \
      cross-validated figures as their provenance: put the file in a content pack (--content) \
      to read postings the way your organisation labels them.

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
  @Option(
    help:
      "Output format: text, markdown, json, html (one posting, a page for --out) or csv (with --jsonl, json means one line per posting)."
  )
  var format: PostingFormat = .text
  @Option(help: ArgumentHelp("Labelled JSONL to measure accuracy on.", valueName: "file"))
  var evaluate: String?
  @Option(
    name: .customLong("min-accuracy"),
    help: ArgumentHelp("With --evaluate: exit 1 when accuracy is below this (0-1).", valueName: "share"))
  var minAccuracy: Double?
  @Option(
    name: .customLong("cross-validate"),
    help: ArgumentHelp("Labelled JSONL: fit on all folds but one, read the held-out one, report.", valueName: "file"))
  var crossValidate: String?
  @Option(
    help: ArgumentHelp("Labelled JSONL to fit the engine's weights on (write them with --out).", valueName: "file"))
  var fit: String?
  @Option(
    help: ArgumentHelp(
      "With --fit: where to write the fitted jd-model.yaml (default: standard output); with --format html, the page.",
      valueName: "file"))
  var out: String?
  @Option(help: ArgumentHelp("With --fit or --cross-validate: the number of folds (2-20).", valueName: "n"))
  var folds: Int = 5
  @Option(help: ArgumentHelp("With --fit or --cross-validate: the L2 regularisation (0-10).", valueName: "lambda"))
  var regularization: Double = 0.01
  @Option(
    name: .customLong("title-regularization"),
    help: ArgumentHelp(
      "With --fit or --cross-validate: the L2 regularisation of the title's weights (0-10; default: chosen by an inner cross-validation among \(PostingModelFitter.titleRegularizationGrid.map { String($0) }.joined(separator: ", "))).",
      valueName: "lambda"))
  var titleRegularization: Double?
  @Option(
    name: .customLong("prior-scale"),
    help: ArgumentHelp(
      "With --fit or --cross-validate: how much of the lexicon's own weights the fit starts from (0-2).",
      valueName: "share"))
  var priorScale: Double = PostingModelFitter.defaultPriorScale
  @Option(
    name: .customLong("low-confidence-weight"),
    help: ArgumentHelp(
      "With --fit or --cross-validate: how much a posting whose \"confidence\" is \"low\" counts in the fit, against 1 for the others (more than 0, at most 1).",
      valueName: "share"))
  var lowConfidenceWeight: Double = 0.5
  @Option(help: ArgumentHelp("With --fit or --cross-validate: the seed that shuffles the folds.", valueName: "n"))
  var seed: UInt64 = 1
  @Option(help: ArgumentHelp("The posting's title, when it is not the first line of the text.", valueName: "title"))
  var title: String?
  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp(
      "The largest posting accepted, in KiB (at most \(JobDescriptionAnalyzer.largestKiB)).", valueName: "kib"))
  var maxSize: Int = 1024
  @Flag(name: .customLong("no-text"), help: "In text output, leave out the highlighted posting.")
  var noText = false
  @Option(help: "In text output: top (the phrases that decided the verdict) or all (every matched phrase).")
  var evidence: EvidenceDetail = .top
  @Flag(help: "Keep every analysis in the database (see `rolefit sessions`).")
  var save = false
  @OptionGroup var store: DatabaseOptions
  @OptionGroup var content: ContentOptions

  enum PostingFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html, csv }
  enum EvidenceDetail: String, ExpressibleByArgument, CaseIterable { case top, all }

  func validate() throws {
    if inputs.isEmpty && jsonl == nil && evaluate == nil && crossValidate == nil && fit == nil {
      throw ValidationError(
        "Give posting files, - for standard input, --jsonl FILE, --evaluate FILE, --cross-validate FILE or --fit FILE.")
    }
    if !(2...20).contains(folds) { throw ValidationError("--folds must be between 2 and 20.") }
    if !(regularization.isFinite && (0...10).contains(regularization)) {
      throw ValidationError("--regularization must be between 0 and 10.")
    }
    if let titleRegularization, !(titleRegularization.isFinite && (0...10).contains(titleRegularization)) {
      throw ValidationError("--title-regularization must be between 0 and 10.")
    }
    if !(lowConfidenceWeight.isFinite && lowConfidenceWeight > 0 && lowConfidenceWeight <= 1) {
      throw ValidationError("--low-confidence-weight must be more than 0 and at most 1.")
    }
    if !(priorScale.isFinite && (0...2).contains(priorScale)) {
      throw ValidationError("--prior-scale must be between 0 and 2.")
    }
    if out != nil && fit == nil && format != .html { throw ValidationError("--out goes with --fit or --format html.") }
    if format == .html && (inputs.count != 1 || jsonl != nil) {
      throw ValidationError("--format html reads one posting: give one file or -.")
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
      runner.showEvidence = evidence == .all
      if format == .html { runner.outFile = out }
      if save { runner.archive = StorePostingArchive(store: try store.open(), pack: pack) }
      if crossValidate != nil || fit != nil {
        let fitting = JDModelFitting(
          pack: pack, analyzer: analyzer,
          fitter: PostingModelFitter(
            pack: pack, regularization: regularization, titleRegularization: titleRegularization ?? 0.1,
            titleRegularizationChoices: titleRegularization == nil ? PostingModelFitter.titleRegularizationGrid : [],
            priorScale: priorScale),
          folds: folds, seed: seed, lowConfidenceWeight: lowConfidenceWeight)
        if let crossValidate {
          Console.standardOutput.write(try fitting.crossValidate(path: crossValidate).text())
        }
        if let fit {
          let (model, report) = try fitting.fit(path: fit, today: Self.today())
          Console.standardError.write(report.text())
          let yaml = model.yaml(lexicon: pack.lexicon)
          if let out { try InputFiles.write(yaml, to: out, json: false) } else { Console.standardOutput.write(yaml) }
        }
        return
      }
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
      if format == .html && runner.rendered > 1 {
        throw CLIError.usage("--format html reads one posting, not a folder of them.")
      }
      try runner.writeOut()
      runner.finish()
      if runner.unsaved > 0 { throw ExitCode(74) }
      if runner.missingFiles > 0 { throw ExitCode(66) }
      if runner.failures > 0 { throw ExitCode(65) }
    }
  }

  /// Today as `YYYY-MM-DD` in UTC, for a fitted model's provenance.
  static func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
