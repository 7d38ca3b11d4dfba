extension AnswerError {
  /// The error as the person answering the question on screen reads it: about "this question",
  /// never its id (answers files get `description`, which names the id and the file's line).
  public var atPrompt: String {
    switch self {
    case .unknownQuestion(let id, _):
      return "'\(id)' is not a question here"
    case .unknownOption(_, let option, let valid):
      let numbers = valid.count > 1 && valid.contains { Int($0) == nil } ? " (or 1-\(valid.count))" : ""
      return "'\(option)' is not an option here; choose one of: \(valid.joined(separator: ", "))\(numbers)"
    case .notANumber(_, let text):
      return "'\(text)' is not a number; this question asks for a number"
    case .outOfRange(_, let value, let minimum, let maximum):
      return
        "\(AnswerValue.number(value)) is out of range: enter a number from \(AnswerValue.number(minimum)) to \(AnswerValue.number(maximum))"
    case .oneOptionOnly:
      return "this question takes one option"
    case .empty:
      return "no answer given"
    case .wrongShape(_, let expected):
      return "this question expects \(expected)"
    }
  }
}
