import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit assess`: score an answers file, or take the assessment interactively.
struct Assess: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score the self-assessment from an answers file, or take it interactively.",
    discussion: """
      With --answers FILE, scores the file and prints the result. FILE is JSON or YAML mapping \
      question ids (see `rolefit questions`) to an option id, a list of option ids, or a number:

        resp.shared-devops: b
        profile.certifications: [pmp, csm]
        profile.project-months: 40

      Unanswered questions are allowed; an unknown question or option id is an error (exit 65). \
      With --short, only the questions the short form would have asked are scored, in its order, \
      and the JSON lists their ids under `asked`. Without --answers, starts the interactive assessment.
      """)

  @OptionGroup var content: ContentOptions
  @Option(
    name: .customLong("answers"),
    help: ArgumentHelp("An answers file (JSON or YAML); - for standard input.", valueName: "file"))
  var answersFile: String?
  @Option(help: "Output format: text, markdown, json or html (a page; with --out, written there).")
  var format: OutputFormat = .text
  @Flag(
    help: "With text output: everything after the first screen too (areas, evidence, what would change it, the path).")
  var details = false
  @Flag(
    help: ArgumentHelp(
      "The short adaptive form: the profile, then the questions that best separate the roles, until the verdict is stable. With --answers, replays it against the file and lists the questions asked."
    ))
  var short = false
  @Option(
    name: .customLong("out"),
    help: ArgumentHelp(
      "Also write the answers and result as JSON to this file (for `rolefit workshop import`); with --format html, the page.",
      valueName: "file"))
  var outFile: String?
  @Option(help: ArgumentHelp("Whose assessment this is, for `rolefit history`.", valueName: "name"))
  var person: String?
  @OptionGroup var store: StoreOptions

  func run() throws {
    try reportingErrors {
      // Scoring a file needs the assessment part only; the interactive session needs everything.
      let pack = try content.load(sections: answersFile == nil ? .all : .assessment)
      guard let answersFile else {
        let opened = try store.openForSession()
        try Start.runInteractive(
          pack: pack, startWith: short ? "assess short" : "assess", outFile: outFile, store: opened,
          recorder: opened.map { StoreRecorder(store: $0, person: person) })
        return
      }
      let text = try InputFiles.read(answersFile, what: "answers file")
      let sheet: AnswerSheet
      do {
        sheet = try AnswerFile.parse(text, file: answersFile == "-" ? "<stdin>" : answersFile, pack: pack)
      } catch let error as ContentError {
        throw CLIError.content(error)
      }
      var report: AssessmentReport
      if short {
        let replay = ShortForm(pack: pack).replay(sheet)
        report = AssessmentReport(pack: pack, answers: replay.sheet)
        report.asked = replay.asked
      } else {
        report = AssessmentReport(pack: pack, answers: sheet)
      }
      let console = Console.standardOutput
      let renderer = AssessmentRenderer(pack: pack, width: console.width, styler: console.styler)
      if format == .text && !details {
        console.text(renderer.summary(report, more: AssessmentRenderer.moreHint(command: "--details")))
      } else if format == .text {
        console.text(renderer.render(report, as: format))
      } else if format == .json {
        console.write(json: renderer.render(report, as: format))
      } else if format == .html, let outFile {
        try InputFiles.write(renderer.render(report, as: .html), to: outFile, json: false)
        return
      } else {
        console.write(renderer.render(report, as: format))
      }
      if let outFile {
        try InputFiles.write(renderer.render(report, as: .json), to: outFile, json: true)
      }
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
