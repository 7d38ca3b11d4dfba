extension PackParser {
  // MARK: credentials.yaml

  func readCredentials(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "credentials"])
    for item in map.sequence("credentials", required: true) {
      guard let credential = item.mapping("a credential") else { continue }
      credential.rejectUnknownKeys(allowed: [
        "id", "name", "short", "body", "serves", "summary", "routes", "exam", "upkeep", "source", "as_of",
        "verified", "note", "claims", "supersedes",
      ])
      guard let id = identifier(credential), let name = credential.string("name"),
        let body = credential.string("body"), let source = credential.string("source"),
        let asOf = date(credential, "as_of", required: true)
      else { continue }
      book.define(.credential, id, at: credential.location)
      let routes = credential.sequence("routes", required: true).compactMap { readRoute($0) }
      if routes.isEmpty, credential.value("routes") != nil {
        sink.error("a credential needs at least one route to eligibility", at: credential.location)
      }
      parts.credentials.append(
        Credential(
          id: id, name: name, short: credential.string("short", required: false) ?? name, body: body,
          serves: references(credential, "serves", .role),
          summary: credential.string("summary", required: false) ?? "", routes: routes,
          exam: credential.string("exam", required: false), upkeep: credential.string("upkeep", required: false),
          source: source, asOf: asOf, verified: credential.boolean("verified") ?? true,
          note: credential.string("note", required: false), claims: references(credential, "claims", .claim),
          supersedes: references(credential, "supersedes", .credential), location: credential.location))
    }
  }

  private func readRoute(_ item: YAMLValue) -> EligibilityRoute? {
    guard let route = item.mapping("a route") else { return nil }
    route.rejectUnknownKeys(allowed: [
      "name", "education", "experience", "training_hours", "training_waived_by", "course", "requires", "note",
      "verified",
    ])
    guard let name = route.string("name") else { return nil }
    let education = route.string("education", required: false)
    if let education { book.refer(.education, education, at: route.value("education")?.location ?? route.location) }
    var experience: [ExperienceRequirement] = []
    for entry in route.sequence("experience") {
      guard let requirement = entry.mapping("an experience requirement") else { continue }
      requirement.rejectUnknownKeys(allowed: ["kind", "months", "within_years", "waived_by"])
      guard let (kind, months) = experienceKind(requirement) else { continue }
      experience.append(
        ExperienceRequirement(
          kind: kind, months: months, withinYears: requirement.integer("within_years", in: PackRanges.years),
          waivedBy: references(requirement, "waived_by", .credential)))
    }
    return EligibilityRoute(
      name: name, education: education, experience: experience,
      trainingHours: route.number("training_hours", in: PackRanges.trainingHours),
      trainingWaivedBy: references(route, "training_waived_by", .credential),
      course: route.string("course", required: false), requires: references(route, "requires", .credential),
      note: route.string("note", required: false), verified: route.boolean("verified") ?? true)
  }

  /// The `kind` and `months` of an experience mapping, or `nil` after reporting what is wrong.
  private func experienceKind(_ requirement: YAMLMapping) -> (ExperienceKind, Int)? {
    guard let kindName = requirement.string("kind"),
      let months = requirement.integer("months", in: PackRanges.months, required: true)
    else { return nil }
    guard let kind = ExperienceKind(rawValue: kindName) else {
      sink.error(
        "unknown experience kind '\(kindName)'; use project, program or agile",
        at: requirement.value("kind")?.location ?? requirement.location)
      return nil
    }
    return (kind, months)
  }

  /// A step's `done_when`: `{experience: [{kind, months}], holds: [credential ids]}`.
  private func completion(_ step: YAMLMapping) -> Completion {
    guard let done = step.value("done_when")?.mapping("a step's done_when") else { return Completion() }
    done.rejectUnknownKeys(allowed: ["experience", "holds"])
    var experience: [(kind: ExperienceKind, months: Int)] = []
    for entry in done.sequence("experience") {
      guard let requirement = entry.mapping("an experience requirement") else { continue }
      requirement.rejectUnknownKeys(allowed: ["kind", "months"])
      if let (kind, months) = experienceKind(requirement) { experience.append((kind, months)) }
    }
    return Completion(experience: experience, holds: references(done, "holds", .credential))
  }

  // MARK: paths.yaml

  func readPaths(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "paths"])
    for item in map.sequence("paths", required: true) {
      guard let path = item.mapping("a learning path") else { continue }
      path.rejectUnknownKeys(allowed: ["id", "target", "from", "min_months", "title", "summary", "steps"])
      guard let id = identifier(path), let target = path.string("target"), let title = path.string("title")
      else { continue }
      book.refer(.role, target, at: path.value("target")?.location ?? path.location)
      let from = path.string("from", required: false)
      if let from { book.refer(.role, from, at: path.value("from")?.location ?? path.location) }
      var steps: [LearningStep] = []
      for entry in path.sequence("steps", required: true) {
        guard let step = entry.mapping("a step") else { continue }
        step.rejectUnknownKeys(allowed: ["credential", "topic", "why", "claims", "done_when"])
        let credential = step.string("credential", required: false)
        let topic = step.string("topic", required: false)
        let subject: LearningStep.Subject
        switch (credential, topic) {
        case (let credential?, nil):
          book.refer(.credential, credential, at: step.value("credential")?.location ?? step.location)
          subject = .credential(credential)
        case (nil, let topic?):
          subject = .topic(topic)
        default:
          sink.error("a step names either a 'credential' or a 'topic', not both or neither", at: step.location)
          continue
        }
        steps.append(
          LearningStep(
            subject: subject, why: step.string("why") ?? "", claims: references(step, "claims", .claim),
            doneWhen: completion(step)))
      }
      parts.paths.append(
        LearningPathDefinition(
          id: id, target: target, from: from, title: title, summary: path.string("summary", required: false) ?? "",
          steps: steps, minMonths: path.integer("min_months", in: PackRanges.months) ?? 0, location: path.location))
    }
  }
}
