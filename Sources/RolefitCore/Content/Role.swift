/// A role the content pack scores against, such as `project-manager`.
public struct Role: Sendable, Hashable, Identifiable {
  /// The stable id used in weights, answers files and JSON output.
  public var id: String
  /// The name shown to people.
  public var name: String
  /// A one-word label for tight spaces (tables, charts).
  public var short: String
  /// A terminal colour name for highlights (`cyan`, `magenta`, ...); only a hint.
  public var color: String?
  /// One sentence on what the role does.
  public var summary: String
  /// The source claims that define the role.
  public var claims: [String]
  /// The kind of experience that working in this role builds, for learning paths.
  public var experience: ExperienceKind?
  /// The work itself, for the result's first sentence ("project management"); the name if absent.
  public var work: String? = nil
  /// What a verdict for this role means, in a clause ("one delivery at a time, judged on scope,
  /// schedule and budget"); the summary if absent.
  public var meaning: String? = nil
  /// Where the role is defined.
  public var location: SourceLocation
}

/// An area of work that questions belong to, such as `metrics`.
public struct Area: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var summary: String
  /// Whether answers in this area count towards the fit (profile questions do not).
  public var scored: Bool
  public var location: SourceLocation
}

/// A level of formal education, ordered from lowest to highest in the pack.
public struct EducationLevel: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
}

/// One point of the Likert agreement scale.
public struct LikertPoint: Sendable, Hashable {
  public var id: String
  public var text: String
  /// 0 gives full weight to the question's `disagree` roles, 1 to its `agree` roles.
  public var value: Double
}
