import ArgumentParser
import RolefitCore
import RolefitTerminal

/// `rolefit questions`: the question bank, for people and scripts.
struct Questions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the assessment's questions, options and weights.",
    discussion: """
      The JSON form is {"roles": [{"id", "name"}], "questions": [{"id", "type", "area", "text", \
      "options": [{"id", "text", "weights": {ROLE: number}}]}]}, for building an answers file \
      or checking a pack. Profile questions have options without weights.
      """)

  @OptionGroup var content: ContentOptions
  @Option(help: "Output format: text or json.") var format: ListFormat = .text

  enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    try reportingErrors {
      let pack = try content.load(sections: .assessment)
      switch format {
      case .json: Console.standardOutput.write(json: QuestionBankRenderer(pack: pack).json())
      case .text: Console.standardOutput.text(QuestionBankRenderer(pack: pack).text())
      }
    }
  }
}
