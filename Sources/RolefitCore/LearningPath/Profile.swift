/// What the learning path knows about a person, from the profile questions.
public struct Profile: Sendable, Hashable {
  /// The education level id, if answered.
  public var education: String?
  /// Months of each kind of experience, when answered.
  public var months: [ExperienceKind: Int]
  /// Hours of formal project-management education, when answered.
  public var trainingHours: Double?
  /// Credential ids already held.
  public var certifications: Set<String>

  public init(
    education: String? = nil, months: [ExperienceKind: Int] = [:], trainingHours: Double? = nil,
    certifications: Set<String> = []
  ) {
    self.education = education
    self.months = months
    self.trainingHours = trainingHours
    self.certifications = certifications
  }

  /// Reads the profile from the answers to the pack's profile questions.
  public init(answers: AnswerSheet, pack: ContentPack) {
    self.init()
    for question in pack.questions {
      guard let field = question.profileField, let value = answers[question.id] else { continue }
      switch (field, value) {
      case (.education, .choice(let id)): education = id
      case (.projectMonths, .number(let n)): months[.project] = Self.wholeMonths(n)
      case (.programMonths, .number(let n)): months[.program] = Self.wholeMonths(n)
      case (.agileMonths, .number(let n)): months[.agile] = Self.wholeMonths(n)
      case (.trainingHours, .number(let n)): trainingHours = n
      case (.certifications, _): certifications = Set(value.optionIDs.filter { $0 != "none" })
      default: break
      }
    }
  }

  /// Months as a whole number; a value no range bounded (a pack without `min`/`max`) is clamped
  /// instead of trapping in the conversion.
  private static func wholeMonths(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    return Int(min(max(value, -1e9), 1e9))
  }
}
