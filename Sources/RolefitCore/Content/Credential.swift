/// A certification or credential, with its eligibility rules as data.
public struct Credential: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var short: String
  public var body: String
  /// The role ids it serves.
  public var serves: [String]
  public var summary: String
  /// Alternative ways to become eligible; any one fully met is enough.
  public var routes: [EligibilityRoute]
  public var exam: String?
  public var upkeep: String?
  public var source: String
  /// When the facts were read (`YYYY-MM-DD`).
  public var asOf: String
  /// Whether the facts were checked against a source; `false` is shown to users.
  public var verified: Bool
  /// Conflicts between sources or unchecked details, said plainly.
  public var note: String?
  public var claims: [String]
  /// Credentials this one replaces: holding it makes them needless (the PMP supersedes the CAPM).
  public var supersedes: [String] = []
  public var location: SourceLocation
}

/// One way to meet a credential's prerequisites.
public struct EligibilityRoute: Sendable, Hashable {
  public var name: String
  /// The minimum education level id, if any.
  public var education: String?
  public var experience: [ExperienceRequirement]
  public var trainingHours: Double?
  /// Credentials that meet the training requirement on their own.
  public var trainingWaivedBy: [String]
  /// A course that must be taken (the profile cannot show it, so it is always a step).
  public var course: String?
  /// Credentials that must already be held.
  public var requires: [String]
  /// What is uncertain about this route (a single secondary source), said plainly.
  public var note: String? = nil
  /// Whether the route was checked against the issuing body; `false` is shown to users.
  public var verified: Bool = true
}

/// Months of a kind of experience, within a window of years.
public struct ExperienceRequirement: Sendable, Hashable {
  /// The kind of experience: `project`, `program` or `agile`.
  public var kind: ExperienceKind
  public var months: Int
  public var withinYears: Int?
  /// Credentials that meet this requirement on their own (PgMP: a PMP instead of 48 months).
  public var waivedBy: [String]
}

/// The kinds of experience a profile records.
public enum ExperienceKind: String, Sendable, Hashable, CaseIterable, Codable {
  case project
  case program
  case agile
}

/// An ordered learning path towards a role.
public struct LearningPathDefinition: Sendable, Hashable, Identifiable {
  public var id: String
  /// The role the path leads to.
  public var target: String
  /// The role the person comes from, if the path assumes one.
  public var from: String?
  public var title: String
  public var summary: String
  public var steps: [LearningStep]
  /// The months of the `from` role's experience a person needs before this path fits them
  /// (a growth path for people established in a role); 0 for any experience at all.
  public var minMonths: Int = 0
  public var location: SourceLocation
}

/// A step of a learning path: a credential to earn or a topic to learn.
public struct LearningStep: Sendable, Hashable {
  public enum Subject: Sendable, Hashable {
    case credential(String)
    case topic(String)
  }
  public var subject: Subject
  /// Why the step comes where it does.
  public var why: String
  public var claims: [String]
  /// When the step is already behind the person: any one of these met removes it.
  public var doneWhen: Completion = Completion()
}

/// What makes a learning step already done: experience gained or a credential held.
public struct Completion: Sendable, Hashable {
  /// Months of a kind of experience; having any one of them is enough.
  public var experience: [(kind: ExperienceKind, months: Int)]
  /// Credentials; holding any one of them (or one that supersedes it) is enough.
  public var holds: [String]

  public init(experience: [(kind: ExperienceKind, months: Int)] = [], holds: [String] = []) {
    self.experience = experience
    self.holds = holds
  }

  /// Whether the completion says nothing (the step is never done in advance).
  public var isEmpty: Bool { experience.isEmpty && holds.isEmpty }

  public static func == (lhs: Completion, rhs: Completion) -> Bool {
    lhs.holds == rhs.holds && lhs.experience.map(\.kind) == rhs.experience.map(\.kind)
      && lhs.experience.map(\.months) == rhs.experience.map(\.months)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(holds)
    for item in experience {
      hasher.combine(item.kind)
      hasher.combine(item.months)
    }
  }
}
