import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit narrative`: rehearse PgMP experience summaries before the panel reads them.
struct Narrative: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read your own PgMP experience summaries: program work, project work, or not enough of either.",
    discussion: """
      Reads FILE (- for standard input): one experience summary per program, each under a \
      Markdown heading or as a block separated by blank lines. For each summary it prints the \
      reading with the job-description engine's confidence, every sentence marked as program, \
      project, mixed or neutral with what counted, the PgMP exam domains it shows and which are \
      thin, and questions to answer where a sentence reads as project work. With --profile FILE \
      (an answers file, as for `rolefit assess --answers`) or a saved assessment in the \
      database, it adds the PgMP eligibility line.

      It is a check on your own text, never a screen of other people's, and it helps you write: \
      it does not predict what PMI's panel will decide. Nothing is kept unless you give --save FILE.

      Empty, binary or oversized input is refused with exit 65; a missing file exits 66.
      """)

  @Argument(help: ArgumentHelp("Summary files; - for standard input.", valueName: "file"))
  var inputs: [String] = []
  @Option(help: "Output format: text, markdown or json.") var format: OutputFormat = .text
  @Option(
    help: ArgumentHelp(
      "An answers file with your profile (education, months, certifications) for the eligibility line.",
      valueName: "file"))
  var profile: String?
  @Option(
    help: ArgumentHelp("Whose saved assessment gives the profile, when there is no --profile.", valueName: "name"))
  var person: String?
  @Option(
    help: ArgumentHelp(
      "Also write the report to this file (.md Markdown, .json JSON, anything else text).", valueName: "file"))
  var save: String?
  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("The largest input accepted, in KiB (1-4096).", valueName: "kib"))
  var maxSize: Int = NarrativeReader.defaultMaxBytes / 1024
  @OptionGroup var store: StoreOptions
  @OptionGroup var content: ContentOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("Give a summary file, or - for standard input.") }
    if !(1...4096).contains(maxSize) { throw ValidationError("--max-size must be between 1 and 4096 (KiB).") }
  }

  func run() throws {
    try reportingErrors {
      let pack = try content.load(sections: [.assessment, .jobDescription])
      let reader: NarrativeReader
      do {
        reader = try NarrativeReader(pack: pack)
      } catch let error as NarrativeError {
        throw CLIError.badData(error.description)
      }
      let profile = try loadProfile(pack: pack)
      var reports: [NarrativeReport] = []
      for input in inputs {
        let id = input == "-" ? "<stdin>" : input
        let bytes: [UInt8]
        if input == "-" {
          bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
          guard FileManager.default.fileExists(atPath: input) else {
            throw CLIError.missingInput("\(input): no such file")
          }
          guard let data = FileManager.default.contents(atPath: input) else {
            throw CLIError.missingInput("\(input): cannot read the file")
          }
          bytes = Array(data)
        }
        do {
          let text = try NarrativeReader.text(from: bytes, id: id, maxBytes: maxSize * 1024)
          reports.append(try reader.read(text, id: id, profile: profile))
        } catch let error as NarrativeError {
          throw CLIError.badData(error.description)
        }
      }
      let console = Console.standardOutput
      let renderer = NarrativeRenderer(pack: pack, width: console.width, styler: console.styler)
      for report in reports {
        console.write(renderer.render(report, as: format))
        for summary in report.summaries {
          for warning in summary.warnings { Console.standardError.line("rolefit: \(report.id): \(warning)") }
        }
      }
      if let save {
        let fileFormat = OutputFormat(path: save)
        let plain = NarrativeRenderer(pack: pack, width: 80)
        try InputFiles.write(
          reports.map { plain.render($0, as: fileFormat) }.joined(separator: "\n"), to: save, json: fileFormat == .json)
        Console.standardError.line("rolefit: saved to \(save)")
      }
    }
  }

  /// The profile from --profile, else from the latest finished assessment in the database (read,
  /// never created), else none.
  private func loadProfile(pack: ContentPack) throws -> Profile? {
    if let profile {
      let text = try InputFiles.read(profile, what: "profile file")
      do {
        let sheet = try AnswerFile.parse(text, file: profile == "-" ? "<stdin>" : profile, pack: pack)
        return Profile(answers: sheet, pack: pack)
      } catch let error as ContentError {
        throw CLIError.content(error)
      }
    }
    guard !store.noSave, let path = store.database.resolvedPath, FileManager.default.fileExists(atPath: path) else {
      return nil
    }
    do {
      let opened = try Store(path: path)
      guard let latest = try opened.history(person: person).last, let record = try opened.session(latest.id) else {
        return nil
      }
      return Profile(answers: record.answers, pack: pack)
    } catch {
      Console.standardError.line("rolefit: the saved profile could not be read (\(error)); no eligibility line")
      return nil
    }
  }
}
