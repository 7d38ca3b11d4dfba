extension PackParser {
  func readQuestions(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "questions"])
    for item in map.sequence("questions", required: true) {
      guard let question = item.mapping("a question") else { continue }
      if let read = readQuestion(question, into: &parts) { parts.questions.append(read) }
    }
  }

  private func readQuestion(_ map: YAMLMapping, into parts: inout PackParts) -> Question? {
    map.rejectUnknownKeys(allowed: [
      "id", "type", "area", "text", "measures", "claims", "options", "agree", "disagree", "unit", "min", "max",
      "ranges", "profile", "track", "pairs_with",
    ])
    guard let id = identifier(map), let typeName = map.string("type"), let area = map.string("area"),
      let text = map.string("text")
    else { return nil }
    book.define(.question, id, at: map.location)
    book.refer(.area, area, at: map.value("area")?.location ?? map.location)
    guard let kind = Question.Kind(rawValue: typeName) else {
      let names = Question.Kind.allCases.map(\.rawValue)
      var message = "unknown question type '\(typeName)'; use one of \(names.joined(separator: ", "))"
      if let near = EditDistance.suggestion(for: typeName, among: names) { message += " (did you mean '\(near)'?)" }
      sink.error(message, at: map.value("type")?.location ?? map.location)
      return nil
    }
    let profileField = enumValue(map, "profile", ProfileField.self, what: "profile field")
    let track = enumValue(map, "track", AssessmentTrack.self, what: "track")
    let pairsWith = map.string("pairs_with", required: false)
    if let pairsWith { book.refer(.question, pairsWith, at: map.value("pairs_with")?.location ?? map.location) }
    var question = Question(
      id: id, kind: kind, area: area, text: text,
      measures: map.string("measures", required: profileField == nil) ?? "",
      claims: references(map, "claims", .claim), options: [], number: nil, profileField: profileField,
      track: track, pairsWith: pairsWith, location: map.location)

    switch kind {
    case .likert:
      rejectKeys(["options", "ranges", "unit", "min", "max"], in: map, for: "a likert question")
      parts.likertKeys[id] = (weights(map, "agree"), weights(map, "disagree"))
      if map.value("agree") == nil && map.value("disagree") == nil && profileField == nil {
        sink.error("a likert question needs 'agree' or 'disagree' weights", at: map.location)
      }
    case .number:
      rejectKeys(["options", "agree", "disagree"], in: map, for: "a number question")
      question.number = readNumber(map)
    case .single, .forced, .multi, .yesno:
      rejectKeys(["agree", "disagree", "ranges", "unit", "min", "max"], in: map, for: "a \(kind.rawValue) question")
      question.options = readOptions(map, kind: kind)
    }
    return question
  }

  /// Reads an optional key whose value must be one of an enum's raw values.
  private func enumValue<Value: RawRepresentable & CaseIterable>(
    _ map: YAMLMapping, _ key: String, _: Value.Type, what: String
  ) -> Value? where Value.RawValue == String {
    guard let name = map.string(key, required: false) else { return nil }
    guard let value = Value(rawValue: name) else {
      sink.error(
        "unknown \(what) '\(name)'; use one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))",
        at: map.value(key)?.location ?? map.location)
      return nil
    }
    return value
  }

  private func rejectKeys(_ keys: [String], in map: YAMLMapping, for what: String) {
    for key in keys {
      if let value = map.value(key) {
        sink.error("'\(key)' does not belong in \(what)", at: value.location)
      }
    }
  }

  private func readOptions(_ map: YAMLMapping, kind: Question.Kind) -> [AnswerOption] {
    var options: [AnswerOption] = []
    var seen: Set<String> = []
    for item in map.sequence("options", required: true) {
      guard let option = item.mapping("an option") else { continue }
      option.rejectUnknownKeys(allowed: ["id", "text", "weights"])
      guard let id = option.string("id"), let text = option.string("text") else { continue }
      if !seen.insert(id).inserted {
        sink.error("duplicate option id '\(id)'", at: option.location, rule: "reference")
      }
      options.append(AnswerOption(id: id, text: text, weights: weights(option, "weights")))
    }
    let ids = options.map(\.id)
    switch kind {
    case .forced where Set(ids) != ["a", "b"] || ids.count != 2:
      sink.error("a forced question has exactly two options, 'a' and 'b'", at: map.location)
    case .yesno where Set(ids) != ["yes", "no"] || ids.count != 2:
      sink.error("a yesno question has exactly two options, 'yes' and 'no'", at: map.location)
    case .single where options.count < 2, .multi where options.count < 2:
      sink.error("a \(kind.rawValue) question needs at least two options", at: map.location)
    default: break
    }
    return options
  }

  private func readNumber(_ map: YAMLMapping) -> NumberSpec {
    let minimum = map.number("min", in: PackRanges.answerNumber) ?? 0
    let maximum = map.number("max", in: PackRanges.answerNumber) ?? 1_000_000
    if minimum > maximum { sink.error("'min' is larger than 'max'", at: map.location) }
    var ranges: [NumberRange] = []
    let items = map.sequence("ranges")
    for (index, item) in items.enumerated() {
      guard let range = item.mapping("a range") else { continue }
      range.rejectUnknownKeys(allowed: ["max", "weights"])
      let top = range.number("max", in: PackRanges.answerNumber)
      if top == nil && index != items.count - 1 {
        sink.error("only the last range may leave out 'max'", at: range.location)
      }
      if let top, let previous = ranges.last?.maximum, top <= previous {
        sink.error("ranges must be listed by increasing 'max'", at: range.location)
      }
      ranges.append(NumberRange(maximum: top, weights: weights(range, "weights")))
    }
    if let top = ranges.last?.maximum, top < maximum {
      sink.error("the last range must have no 'max' so that every answer falls in a range", at: map.location)
    }
    return NumberSpec(
      unit: map.string("unit", required: false) ?? "", minimum: minimum, maximum: maximum, ranges: ranges)
  }
}
