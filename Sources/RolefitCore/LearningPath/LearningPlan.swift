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
  /// The steps still ahead, in the path's order.
  public var steps: [Step]
  /// The path's steps already behind the person: credentials held (or superseded by one held)
  /// and topics their experience already covers.
  public var done: [Step] = []
  /// Other paths that fit this person, by id: towards the same role, or growing out of it.
  public var alternatives: [String]

  /// The first step still ahead that names a credential, for "the next step on the path".
  public var nextCredential: Step? { steps.first { $0.eligibility != nil } }
}

/// Chooses a learning path for a role and checks each credential on it.
public struct LearningPlanner: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  /// The plan towards `target` for this profile, or `nil` when the pack has no path to it.
  ///
  /// A growth path for people established in the role comes first (its `from` is the role
  /// itself), then a path from another role the person has experience in, then a path from
  /// nowhere, then any path to the role. A path with a `from` fits only a person with at least
  /// its `min_months` (and at least one month) of that role's experience.
  public func plan(towards target: String, profile: Profile) -> LearningPlan? {
    let candidates = pack.paths.filter { $0.target == target }
    let chosen =
      candidates.first { $0.from == target && fits($0, profile) }
      ?? candidates.first { $0.from != nil && fits($0, profile) }
      ?? candidates.first { $0.from == nil } ?? candidates.first
    guard let chosen else { return nil }
    let laid = lay(chosen, profile: profile)
    // Other paths towards the role or growing out of it that fit the person and still have a
    // credential ahead of them (a "becoming" path is no alternative for someone past it).
    let others = pack.paths.filter { path in
      path.id != chosen.id && (path.target == target || path.from == target) && fits(path, profile)
        && lay(path, profile: profile).ahead.contains { $0.eligibility != nil }
    }
    return LearningPlan(path: chosen, steps: laid.ahead, done: laid.behind, alternatives: others.map(\.id))
  }

  /// A path's steps split into those still ahead and those already behind the person.
  private func lay(_ path: LearningPathDefinition, profile: Profile) -> (
    ahead: [LearningPlan.Step], behind: [LearningPlan.Step]
  ) {
    let checker = EligibilityChecker(pack: pack)
    let held = checker.held(by: profile)
    var ahead: [LearningPlan.Step] = []
    var behind: [LearningPlan.Step] = []
    for step in path.steps {
      var eligibility: Eligibility?
      if case .credential(let id) = step.subject, let credential = pack.credential(id) {
        eligibility = checker.check(credential, for: profile)
      }
      let planned = LearningPlan.Step(
        subject: step.subject, why: step.why, claims: step.claims, eligibility: eligibility)
      if eligibility?.status == .held || isDone(step.doneWhen, profile: profile, held: held) {
        behind.append(planned)
      } else {
        ahead.append(planned)
      }
    }
    return (ahead, behind)
  }

  /// Whether a person has the experience a path that starts from a role assumes.
  public func fits(_ path: LearningPathDefinition, _ profile: Profile) -> Bool {
    guard let from = path.from else { return true }
    guard let kind = pack.assessedRole(from)?.experience else { return false }
    return (profile.months[kind] ?? 0) >= max(1, path.minMonths)
  }

  private func isDone(_ completion: Completion, profile: Profile, held: Set<String>) -> Bool {
    completion.holds.contains(where: held.contains)
      || completion.experience.contains { (profile.months[$0.kind] ?? 0) >= $0.months }
  }
}
