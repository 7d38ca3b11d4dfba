import Foundation
import RolefitCore

/// An answer as a row keeps it: small JSON, `{"choice":"b"}`, `{"choices":["a","b"]}` or
/// `{"number":40}`, readable in any SQLite shell.
struct StoredAnswer: Codable, Equatable {
  var choice: String?
  var choices: [String]?
  var number: Double?

  /// The JSON of an answer.
  static func encode(_ value: AnswerValue) -> String {
    var stored = StoredAnswer()
    switch value {
    case .choice(let id): stored.choice = id
    case .choices(let ids): stored.choices = ids
    case .number(let number): stored.number = number
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(stored) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The answer a row holds, or `nil` when its JSON is not one of the three shapes.
  static func decode(_ text: String) -> AnswerValue? {
    guard let stored = try? JSONDecoder().decode(StoredAnswer.self, from: Data(text.utf8)) else { return nil }
    switch (stored.choice, stored.choices, stored.number) {
    case (let id?, nil, nil): return .choice(id)
    case (nil, let ids?, nil): return .choices(ids)
    case (nil, nil, let number?): return .number(number)
    default: return nil
    }
  }
}
