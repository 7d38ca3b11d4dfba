extension EligibilityRoute {
  /// The route's rules in words, one a line: education, experience, training, prerequisites, course.
  ///
  /// `cert` shows them for every route, so a person sees each way to become eligible and not only
  /// the one closest to their profile.
  public func rules(in pack: ContentPack) -> [String] {
    func names(_ ids: [String]) -> String { ids.map { pack.credential($0)?.short ?? $0 }.joined(separator: " or ") }
    var rules: [String] = []
    if let education, let rank = pack.educationRank(education) {
      let higher = rank < pack.educationLevels.count - 1 ? " or higher" : ""
      rules.append("education: \(pack.educationLevels[rank].name)\(higher)")
    }
    for requirement in experience {
      let window = requirement.withinYears.map { " within the last \($0) years" } ?? ""
      let waiver = requirement.waivedBy.isEmpty ? "" : " (or hold the \(names(requirement.waivedBy)))"
      rules.append("\(requirement.months) months of \(requirement.kind.rawValue) experience\(window)\(waiver)")
    }
    if let trainingHours {
      let waiver = trainingWaivedBy.isEmpty ? "" : " (or hold the \(names(trainingWaivedBy)))"
      rules.append("\(AnswerValue.number(trainingHours)) hours of training\(waiver)")
    }
    if !requires.isEmpty { rules.append("hold the \(names(requires)) first") }
    if let course { rules.append("the course: \(course)") }
    if rules.isEmpty { rules.append("no prerequisite") }
    return rules
  }
}
