internal import Yams

/// Reads an answers file: JSON or YAML mapping question ids to an option id, a list of
/// option ids, or a number.
public enum AnswerFile {
  /// Parses and validates answers; every problem is reported with its line and column.
  ///
  /// - Throws: `ContentError.invalid` with one diagnostic per problem (unknown question or
  ///   option ids, wrong shapes), so a script learns everything wrong at once.
  public static func parse(_ text: String, file: String, pack: ContentPack) throws -> AnswerSheet {
    let sink = DiagnosticSink()
    guard let root = YAMLDocument.parse(text, file: file, sink: sink) else {
      throw ContentError.invalid(sink.items)
    }
    guard let mapping = root.mapping("an answers file (question id: answer)") else {
      throw ContentError.invalid(sink.items)
    }
    var sheet = AnswerSheet()
    for entry in mapping.entries {
      guard let question = pack.question(entry.key) else {
        let suggestion = EditDistance.suggestion(for: entry.key, among: pack.questions.map(\.id))
        sink.error(
          AnswerError.unknownQuestion(entry.key, suggestion: suggestion).description, at: entry.keyLocation,
          rule: "answers")
        continue
      }
      if entry.value.isNull { continue }
      let raw: AnswerValue
      if entry.value.node.sequence != nil {
        raw = .choices(entry.value.strings("the answer to \(entry.key)").map(\.0))
      } else if let text = entry.value.string("the answer to \(entry.key)") {
        if question.kind == .number {
          guard let number = Double(text), number.isFinite else {
            sink.error(
              AnswerError.notANumber(question: entry.key, text: text).description, at: entry.value.location,
              rule: "answers")
            continue
          }
          raw = .number(number)
        } else {
          raw = .choice(text)
        }
      } else {
        continue
      }
      switch question.validate(raw) {
      case .success(let value): sheet[question.id] = value
      case .failure(let error): sink.error(error.description, at: entry.value.location, rule: "answers")
      }
    }
    if sink.hasErrors { throw ContentError.invalid(sink.items) }
    return sheet
  }
}
