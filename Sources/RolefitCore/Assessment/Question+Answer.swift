import Foundation

extension Question {
  /// The option ids a user may type, in order.
  public var optionIDs: [String] { options.map(\.id) }

  /// Parses what a user typed into an answer, or says why it is not one.
  ///
  /// Option ids are matched case-insensitively; `y`/`n` stand for `yes`/`no`; a multi-select
  /// takes ids separated by spaces or commas, and `none` alone for no option.
  public func parseAnswer(_ input: String) -> Result<AnswerValue, AnswerError> {
    let text = input.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return .failure(.empty(question: id)) }
    switch kind {
    case .number:
      // "40", "1,200" and "40 months" all mean the number.
      var cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
      if let first = cleaned.split(separator: " ").first,
        cleaned.split(separator: " ").dropFirst().allSatisfy({ word in
          word.allSatisfy(\.isLetter)
        })
      {
        cleaned = String(first)
      }
      guard let value = Double(cleaned), value.isFinite else { return .failure(.notANumber(question: id, text: text)) }
      return validate(.number(value))
    case .multi:
      let ids = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { resolveOption(String($0)) }
      return validate(.choices(ids))
    case .single, .forced, .likert, .yesno:
      if text.contains(" ") || text.contains(",") {
        return .failure(.oneOptionOnly(question: id))
      }
      return validate(.choice(resolveOption(text)))
    }
  }

  /// Checks an answer read from a file or typed, returning it normalised.
  public func validate(_ value: AnswerValue) -> Result<AnswerValue, AnswerError> {
    switch (kind, value) {
    case (.number, .number(let number)):
      // NaN compares false with every bound, so it would pass the range check below.
      guard number.isFinite else { return .failure(.notANumber(question: id, text: String(number))) }
      if let spec = self.number, number < spec.minimum || number > spec.maximum {
        return .failure(.outOfRange(question: id, value: number, minimum: spec.minimum, maximum: spec.maximum))
      }
      return .success(value)
    case (.number, _):
      return .failure(.wrongShape(question: id, expected: "a number"))
    case (.multi, .choice(let option)):
      return validate(.choices([option]))
    case (.multi, .choices(let ids)):
      var seen: [String] = []
      for raw in ids {
        let option = resolveOption(raw)
        if option == "none" && self.option("none") == nil { continue }
        guard self.option(option) != nil else {
          return .failure(.unknownOption(question: id, option: raw, valid: optionIDs))
        }
        if !seen.contains(option) { seen.append(option) }
      }
      // `none` with other options means the other options.
      if seen.count > 1 { seen.removeAll { $0 == "none" && (option("none")?.weights.isEmpty ?? true) } }
      return .success(.choices(seen))
    case (_, .choice(let raw)):
      let option = resolveOption(raw)
      guard self.option(option) != nil else {
        return .failure(.unknownOption(question: id, option: raw, valid: optionIDs))
      }
      return .success(.choice(option))
    case (_, .choices(let ids)) where ids.count == 1:
      return validate(.choice(ids[0]))
    case (_, .choices):
      return .failure(.oneOptionOnly(question: id))
    case (_, .number(let number)):
      // A Likert point or an option id that is written as a number in a file.
      return validate(.choice(AnswerValue.number(number).description))
    }
  }

  /// The option id a typed word stands for: the id, or the option's number in the list.
  private func resolveOption(_ raw: String) -> String {
    let lowered = raw.lowercased()
    if let exact = options.first(where: { $0.id.lowercased() == lowered }) { return exact.id }
    if let number = Int(lowered), options.indices.contains(number - 1) { return options[number - 1].id }
    if kind == .yesno {
      if lowered == "y" { return "yes" }
      if lowered == "n" { return "no" }
    }
    return raw
  }

  /// The weights an answer earns.
  public func weights(for value: AnswerValue) -> [String: Double] {
    switch value {
    case .number(let number): return self.number?.weights(for: number) ?? [:]
    case .choice, .choices:
      var total: [String: Double] = [:]
      for id in value.optionIDs {
        for (role, weight) in option(id)?.weights ?? [:] { total[role, default: 0] += weight }
      }
      return total
    }
  }

  /// The text of an answer, for evidence and exports.
  public func describe(_ value: AnswerValue) -> String {
    switch value {
    case .number(let number):
      guard let unit = self.number?.unit, !unit.isEmpty else { return "\(value)" }
      return "\(value) " + (number == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit)
    case .choice(let id): return option(id)?.text ?? id
    case .choices(let ids):
      return ids.isEmpty ? "none" : ids.map { option($0)?.text ?? $0 }.joined(separator: "; ")
    }
  }
}
