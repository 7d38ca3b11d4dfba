/// Renders the question bank for `rolefit questions`.
public struct QuestionBankRenderer: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  struct Bank: Encodable {
    struct RoleItem: Encodable {
      var id: String
      var name: String
    }
    struct OptionItem: Encodable {
      var id: String
      var text: String
      var weights: [String: Double]?
    }
    struct RangeItem: Encodable {
      var max: Double?
      var weights: [String: Double]
    }
    struct QuestionItem: Encodable {
      var id: String
      var type: String
      var area: String
      var text: String
      var measures: String
      var claims: [String]
      var options: [OptionItem]
      var profile: String?
      var unit: String?
      var min: Double?
      var max: Double?
      var ranges: [RangeItem]?
      /// `current` or `preference` for a question of one track; absent for both.
      var track: String?
      var pairsWith: String?
    }
    var pack: String
    var version: String
    var roles: [RoleItem]
    var questions: [QuestionItem]
  }

  public func json() -> String {
    let unscored = Set(pack.areas.filter { !$0.scored }.map(\.id))
    let bank = Bank(
      pack: pack.id, version: pack.version,
      roles: pack.assessedRoles.map { .init(id: $0.id, name: $0.name) },
      questions: pack.questions.map { question in
        let profile = question.profileField != nil || unscored.contains(question.area)
        return .init(
          id: question.id, type: question.kind.rawValue, area: question.area, text: question.text,
          measures: question.measures, claims: question.claims,
          options: question.options.map { .init(id: $0.id, text: $0.text, weights: profile ? nil : $0.weights) },
          profile: question.profileField?.rawValue, unit: question.number?.unit,
          min: question.number?.minimum, max: question.number?.maximum,
          ranges: question.number.map { $0.ranges.map { .init(max: $0.maximum, weights: $0.weights) } },
          track: question.track?.rawValue, pairsWith: question.pairsWith)
      })
    return JSONOutput.encode(bank)
  }

  public func text() -> String {
    var out: [String] = []
    for area in pack.areas {
      let questions = pack.questions.filter { $0.area == area.id }
      guard !questions.isEmpty else { continue }
      out.append("\(area.name) (\(questions.count))")
      for question in questions {
        let track = question.track.map { ", \($0.rawValue) track" } ?? ""
        out.append("  \(question.id) [\(question.kind.rawValue)\(track)] \(question.text)")
        if question.kind == .number, let spec = question.number {
          out.append(
            "      a number of \(spec.unit.isEmpty ? "units" : spec.unit), \(AnswerValue.number(spec.minimum))-\(AnswerValue.number(spec.maximum))"
          )
        } else {
          out.append("      options: " + question.optionIDs.joined(separator: " "))
        }
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }
}
