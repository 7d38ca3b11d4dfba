/// A learning path laid against a person's profile: each credential with its eligibility.
public struct LearningPlan: Sendable, Hashable {
  /// A step of the plan.
  public struct Step: Sendable, Hashable {
    public var subject: LearningStep.Subject
    public var why: String
    public var claims: [String]
    /// For credential steps: where the person stands.
    public var eligibility: Eligibility?
  }

  public var path: LearningPathDefinition
  public var steps: [Step]
  /// Other paths towards the same role, by id.
  public var alternatives: [String]
}

/// Chooses a learning path for a role and checks each credential on it.
public struct LearningPlanner: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  /// The plan towards `target` for this profile, or `nil` when the pack has no path to it.
  ///
  /// A path that starts from a role the person has experience in comes first, then a path
  /// from nowhere, then any path to the role.
  public func plan(towards target: String, profile: Profile) -> LearningPlan? {
    let candidates = pack.paths.filter { $0.target == target }
    let experienced = Set(
      pack.roles.filter { role in role.id != target && (role.experience.map { profile.months[$0] ?? 0 } ?? 0) > 0 }
        .map(\.id))
    let chosen =
      candidates.first { $0.from.map(experienced.contains) ?? false }
      ?? candidates.first { $0.from == nil } ?? candidates.first
    guard let chosen else { return nil }
    let checker = EligibilityChecker(pack: pack)
    let steps = chosen.steps.map { step -> LearningPlan.Step in
      var eligibility: Eligibility?
      if case .credential(let id) = step.subject, let credential = pack.credential(id) {
        eligibility = checker.check(credential, for: profile)
      }
      return LearningPlan.Step(subject: step.subject, why: step.why, claims: step.claims, eligibility: eligibility)
    }
    return LearningPlan(
      path: chosen, steps: steps, alternatives: candidates.filter { $0.id != chosen.id }.map(\.id))
  }
}
