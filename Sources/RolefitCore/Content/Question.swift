/// A question of the self-assessment.
public struct Question: Sendable, Hashable, Identifiable {
  /// The form a question takes.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Pick one option (often a scenario).
    case single
    /// Agreement on the pack's Likert scale.
    case likert
    /// Pick the closer of two statements.
    case forced
    /// Pick any number of options.
    case multi
    /// Enter a number.
    case number
    /// Yes or no.
    case yesno
  }

  public var id: String
  public var kind: Kind
  public var area: String
  public var text: String
  /// What the question measures, for the `why` command.
  public var measures: String
  /// The source claims the question rests on.
  public var claims: [String]
  /// The options; Likert questions get the pack's scale with interpolated weights.
  public var options: [AnswerOption]
  /// For number questions: the unit, bounds and weighted ranges.
  public var number: NumberSpec?
  /// Which profile fact the answer provides, for profile questions.
  public var profileField: ProfileField?
  /// The track the question belongs to (`current` work or `preference`); `nil` for both.
  public var track: AssessmentTrack?
  /// A question asking about the same thing another way: a consistent person's two answers
  /// point to the same role.
  public var pairsWith: String?
  public var location: SourceLocation

  /// Whether any answer to this question can move the fit.
  public var isScored: Bool {
    options.contains { !$0.weights.isEmpty && $0.weights.values.contains { $0 > 0 } }
      || (number?.ranges.contains { $0.weights.values.contains { $0 > 0 } } ?? false)
  }

  /// The option with an id, if any.
  public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }
}

/// One option of a question.
public struct AnswerOption: Sendable, Hashable, Identifiable {
  public var id: String
  public var text: String
  /// How much choosing this option counts for each role (non-negative).
  public var weights: [String: Double]
}

/// The shape of a number question.
public struct NumberSpec: Sendable, Hashable {
  public var unit: String
  public var minimum: Double
  public var maximum: Double
  /// Weighted ranges, in order; the first whose `maximum` is at least the answer applies.
  public var ranges: [NumberRange]

  /// The weights an answer earns.
  public func weights(for value: Double) -> [String: Double] {
    ranges.first { ($0.maximum ?? .infinity) >= value }?.weights ?? [:]
  }
}

/// A range of a number question and its weights.
public struct NumberRange: Sendable, Hashable {
  /// The highest answer in the range, or `nil` for the last, open range.
  public var maximum: Double?
  public var weights: [String: Double]
}

/// The facts of a person's profile that the learning path uses.
public enum ProfileField: String, Sendable, Hashable, CaseIterable, Codable {
  case education
  case projectMonths = "project-months"
  case programMonths = "program-months"
  case agileMonths = "agile-months"
  case trainingHours = "training-hours"
  case certifications
  /// Which track the person takes: the option ids are the track ids (`current`, `preference`).
  case track
}

/// The two tracks of the self-assessment, chosen by the profile asked first.
///
/// People who manage work now describe their current work; people who do not yet answer
/// what they would rather do, and their result says what draws them rather than their fit.
public enum AssessmentTrack: String, Sendable, Hashable, CaseIterable, Codable {
  case current
  case preference
}
