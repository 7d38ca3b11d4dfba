/// An answer to one question: an option, several options, or a number.
public enum AnswerValue: Sendable, Hashable, CustomStringConvertible {
  case choice(String)
  case choices([String])
  case number(Double)

  /// The answer as a user would type it (`b`, `velocity roi`, `36`).
  public var description: String {
    switch self {
    case .choice(let id): return id
    case .choices(let ids): return ids.isEmpty ? "none" : ids.joined(separator: " ")
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
  }

  /// The option ids chosen, empty for a number.
  public var optionIDs: [String] {
    switch self {
    case .choice(let id): return [id]
    case .choices(let ids): return ids
    case .number: return []
    }
  }
}

/// The answers of one assessment, keyed by question id, with how long each took.
public struct AnswerSheet: Sendable, Hashable {
  /// The answers, keyed by question id.
  public var values: [String: AnswerValue]
  /// Seconds spent on each answered question, when the answers were timed.
  public var seconds: [String: Double]

  public init(values: [String: AnswerValue] = [:], seconds: [String: Double] = [:]) {
    self.values = values
    self.seconds = seconds
  }

  public subscript(questionID: String) -> AnswerValue? {
    get { values[questionID] }
    set { values[questionID] = newValue }
  }
}

/// Why an answer was not accepted.
///
/// The wording is what users see.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownQuestion(String, suggestion: String?)
  case unknownOption(question: String, option: String, valid: [String])
  case notANumber(question: String, text: String)
  case outOfRange(question: String, value: Double, minimum: Double, maximum: Double)
  case oneOptionOnly(question: String)
  case empty(question: String)
  case wrongShape(question: String, expected: String)

  public var description: String {
    switch self {
    case .unknownQuestion(let id, let suggestion):
      return "unknown question id '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
    case .unknownOption(let question, let option, let valid):
      return "'\(option)' is not an option of \(question); choose one of: \(valid.joined(separator: ", "))"
    case .notANumber(let question, let text):
      return "'\(text)' is not a number (\(question) asks for a number)"
    case .outOfRange(let question, let value, let minimum, let maximum):
      return
        "\(AnswerValue.number(value)) is out of range for \(question) (\(AnswerValue.number(minimum))-\(AnswerValue.number(maximum)))"
    case .oneOptionOnly(let question):
      return "\(question) takes one option"
    case .empty(let question):
      return "no answer given for \(question)"
    case .wrongShape(let question, let expected):
      return "\(question) expects \(expected)"
    }
  }
}
