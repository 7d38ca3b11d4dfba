/// Whether a person can apply for a credential now, later, or what is missing.
public struct Eligibility: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable, Codable {
    case held
    case eligible
    case eligibleIn = "eligible-in"
    case notEligible = "not-eligible"
  }

  public var credential: String
  public var status: Status
  /// For `eligible-in`: months until eligible if the person keeps gaining the experience.
  public var months: Int?
  /// For `eligible-in`: the kind of experience the wait is for (the longest missing one).
  public var waitingFor: ExperienceKind? = nil
  /// The route the status is for (`With a four-year degree`).
  public var route: String?
  /// What is still missing, one item a line.
  public var missing: [String]
  /// Whether the only things missing are a course or hours of training anyone can take.
  public var courseOnly: Bool = false
  /// For `eligible-in`: whether a course or hours of training are needed too, besides the months.
  public var alsoTraining: Bool = false
  /// One or two sentences a user can act on.
  public var detail: String
}

/// Applies a pack's eligibility rules to a profile.
public struct EligibilityChecker: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  /// The credentials a profile holds in effect: those held, and those they supersede, transitively.
  public func held(by profile: Profile) -> Set<String> {
    var held = profile.certifications
    var queue = Array(held)
    while let id = queue.popLast() {
      for replaced in pack.credential(id)?.supersedes ?? [] where !held.contains(replaced) {
        held.insert(replaced)
        queue.append(replaced)
      }
    }
    return held
  }

  /// The best status over the credential's routes: eligible, then the soonest, then the fewest gaps.
  public func check(_ credential: Credential, for profile: Profile) -> Eligibility {
    if profile.certifications.contains(credential.id) {
      return Eligibility(
        credential: credential.id, status: .held, months: nil, route: nil, missing: [],
        detail: "You hold the \(credential.short)." + (credential.upkeep.map { " Upkeep: \($0)" } ?? ""))
    }
    if let replacing = profile.certifications.sorted().first(where: {
      held(by: Profile(certifications: [$0])).contains(credential.id)
    }) {
      let name = pack.credential(replacing)?.short ?? replacing
      return Eligibility(
        credential: credential.id, status: .held, months: nil, route: nil, missing: [],
        detail: "Your \(name) supersedes the \(credential.short), so you do not need it.")
    }
    var inEffect = profile
    inEffect.certifications = held(by: profile)
    let outcomes = credential.routes.map { evaluate($0, of: credential, for: inEffect) }
    let best = outcomes.min { rank($0) < rank($1) }
    return best
      ?? Eligibility(
        credential: credential.id, status: .notEligible, months: nil, route: nil, missing: [],
        detail: "The pack gives no route to the \(credential.short).")
  }

  private func rank(_ outcome: Eligibility) -> (Int, Int, Int) {
    switch outcome.status {
    case .held: return (0, 0, 0)
    case .eligible: return (1, 0, 0)
    case .eligibleIn: return (2, outcome.months ?? 0, outcome.alsoTraining ? 1 : 0)
    // Training alone is open now: no months to wait, so it comes before any route that waits.
    case .notEligible: return outcome.courseOnly ? (2, 0, 1) : (3, outcome.missing.count, 0)
    }
  }

  private func evaluate(_ route: EligibilityRoute, of credential: Credential, for profile: Profile) -> Eligibility {
    var missing: [String] = []
    /// How many of the missing items are training anyone can take (hours or a course).
    var trainingGaps = 0
    var waitMonths = 0
    var waitKind: ExperienceKind?
    var met: [String] = []
    if let required = route.education, let requiredRank = pack.educationRank(required) {
      let name = pack.educationLevels[requiredRank].name.lowercased()
      if let education = profile.education, let rank = pack.educationRank(education) {
        if rank < requiredRank { missing.append("education: needs at least a \(name)") }
      } else {
        missing.append("education: needs at least a \(name) (not answered)")
      }
    }
    for requirement in route.experience {
      if let waiver = requirement.waivedBy.first(where: profile.certifications.contains) {
        met.append(
          "your \(pack.credential(waiver)?.short ?? waiver) stands in for \(requirement.months) months of \(requirement.kind.rawValue) experience"
        )
        continue
      }
      let have = profile.months[requirement.kind] ?? 0
      let window = requirement.withinYears.map { " within \($0) years" } ?? ""
      if have < requirement.months {
        missing.append(
          "\(requirement.months - have) more months of \(requirement.kind.rawValue) experience: needs \(requirement.months)\(window)\(orHold(requirement.waivedBy)), you have \(have)"
        )
        if requirement.months - have > waitMonths { waitKind = requirement.kind }
        waitMonths = max(waitMonths, requirement.months - have)
      } else {
        met.append("\(have) months of \(requirement.kind.rawValue) experience (needs \(requirement.months)\(window))")
      }
    }
    if let hours = route.trainingHours {
      if let waiver = route.trainingWaivedBy.first(where: profile.certifications.contains) {
        met.append("your \(pack.credential(waiver)?.short ?? waiver) meets the training requirement")
      } else if (profile.trainingHours ?? 0) < hours {
        let have = profile.trainingHours ?? 0
        trainingGaps += 1
        missing.append(
          "\(format(hours - have)) more hours of training: needs \(format(hours))\(orHold(route.trainingWaivedBy)), you have \(format(have))"
        )
      }
    }
    for prerequisite in route.requires where !profile.certifications.contains(prerequisite) {
      missing.append("hold the \(pack.credential(prerequisite)?.short ?? prerequisite) first")
    }
    if let course = route.course {
      trainingGaps += 1
      missing.append("take the required course: \(course)")
    }

    // Months of experience and training anyone can take: both are a matter of time, so the
    // credential has a date. A missing degree or prerequisite credential has none.
    let onlyWaiting =
      waitMonths > 0
      && missing.count
        == trainingGaps
        + route.experience.filter({ requirement in
          requirement.waivedBy.first(where: profile.certifications.contains) == nil
            && (profile.months[requirement.kind] ?? 0) < requirement.months
        }).count
    let status: Eligibility.Status
    let detail: String
    if missing.isEmpty {
      status = .eligible
      detail =
        "Eligible now (\(route.name.lowercased()))" + (met.isEmpty ? "." : ": " + met.joined(separator: "; ") + ".")
    } else if onlyWaiting {
      status = .eligibleIn
      let training = trainingGaps > 0 ? " and complete the training" : ""
      detail =
        "Eligible in \(waitMonths) months if you keep gaining the experience\(training) (\(route.name.lowercased())): "
        + missing.joined(separator: "; ") + "."
    } else {
      status = .notEligible
      detail = "Missing (\(route.name.lowercased())): " + missing.joined(separator: "; ") + "."
    }
    return Eligibility(
      credential: credential.id, status: status, months: status == .eligibleIn ? waitMonths : nil,
      waitingFor: status == .eligibleIn ? waitKind : nil, route: route.name, missing: missing,
      courseOnly: !missing.isEmpty && missing.count == trainingGaps,
      alsoTraining: status == .eligibleIn && trainingGaps > 0, detail: detail)
  }

  /// " (or hold the PMP or CAPM)" for credentials that stand in for a requirement, else nothing.
  private func orHold(_ credentials: [String]) -> String {
    credentials.isEmpty
      ? "" : " (or hold the " + credentials.map { pack.credential($0)?.short ?? $0 }.joined(separator: " or ") + ")"
  }

  private func format(_ hours: Double) -> String { AnswerValue.number(hours).description }
}
