/// Reads each kind of pack file into `PackParts`, recording references and problems.
struct PackParser {
  let book: ReferenceBook
  let sink: DiagnosticSink

  // MARK: pack.yaml

  func readManifest(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: [
      "version", "id", "name", "pack_version", "as_of", "freshness_months", "roles", "areas",
      "education_levels", "likert", "scoring", "other_roles",
    ])
    parts.location = map.location
    parts.id = map.string("id")
    parts.name = map.string("name")
    parts.version = map.string("pack_version")
    parts.asOf = date(map, "as_of", required: true)
    parts.freshnessMonths = map.integer("freshness_months", in: PackRanges.freshnessMonths)

    parts.roles = readRoles(map, "roles", required: true)
    parts.otherRoles = readRoles(map, "other_roles", required: false)
    if parts.roles.count + parts.otherRoles.count >= Tally.maximumRoles, let roles = map.value("other_roles") {
      sink.error("the roles and other roles together are at most \(Tally.maximumRoles - 1)", at: roles.location)
    }
    if parts.roles.count < 2, let roles = map.value("roles") {
      sink.error("a pack needs at least two roles to tell apart", at: roles.location)
    }
    // Job descriptions add `other` to the pack's roles.
    if parts.roles.count >= Tally.maximumRoles, let roles = map.value("roles") {
      sink.error("a pack tells apart at most \(Tally.maximumRoles - 1) roles", at: roles.location)
    }
    for item in map.sequence("areas", required: true) {
      guard let area = item.mapping("an area") else { continue }
      area.rejectUnknownKeys(allowed: ["id", "name", "summary", "scored"])
      guard let id = identifier(area), let name = area.string("name") else { continue }
      book.define(.area, id, at: area.location)
      parts.areas.append(
        Area(
          id: id, name: name, summary: area.string("summary", required: false) ?? "",
          scored: area.boolean("scored") ?? true, location: area.location))
    }
    for item in map.sequence("education_levels") {
      guard let level = item.mapping("an education level") else { continue }
      level.rejectUnknownKeys(allowed: ["id", "name"])
      guard let id = identifier(level), let name = level.string("name") else { continue }
      book.define(.education, id, at: level.location)
      parts.educationLevels.append(EducationLevel(id: id, name: name))
    }
    for item in map.sequence("likert") {
      guard let point = item.mapping("a Likert point") else { continue }
      point.rejectUnknownKeys(allowed: ["id", "text", "value"])
      guard let id = point.string("id"), let text = point.string("text"),
        let value = point.number("value", in: PackRanges.share, required: true)
      else { continue }
      parts.likert.append(LikertPoint(id: id, text: text, value: value))
    }
    if let scoring = map.required("scoring")?.mapping("'scoring'") {
      parts.scoring = readScoring(scoring)
    }
  }

  /// Reads a list of roles (`roles`, or the assessment's `other_roles`).
  private func readRoles(_ map: YAMLMapping, _ key: String, required: Bool) -> [Role] {
    map.sequence(key, required: required).compactMap { item in
      guard let role = item.mapping("a role") else { return nil }
      role.rejectUnknownKeys(allowed: [
        "id", "name", "short", "color", "summary", "claims", "experience", "work", "meaning",
      ])
      guard let id = identifier(role), let name = role.string("name") else { return nil }
      book.define(.role, id, at: role.location)
      return Role(
        id: id, name: name, short: role.string("short", required: false) ?? name,
        color: role.string("color", required: false), summary: role.string("summary", required: false) ?? "",
        claims: references(role, "claims", .claim), experience: experienceKind(role),
        work: role.string("work", required: false), meaning: role.string("meaning", required: false),
        location: role.location)
    }
  }

  private func readScoring(_ map: YAMLMapping) -> ScoringRules? {
    map.rejectUnknownKeys(allowed: [
      "bands", "confidence", "evidence_count", "response_style", "unclear", "reading", "short_form",
    ])
    var bands: [ScoringRules.Band] = []
    for item in map.sequence("bands", required: true) {
      guard let band = item.mapping("a band") else { continue }
      band.rejectUnknownKeys(allowed: ["id", "name", "min_share"])
      guard let id = band.string("id"), let name = band.string("name"),
        let minShare = band.number("min_share", in: PackRanges.share, required: true)
      else { continue }
      bands.append(ScoringRules.Band(id: id, name: name, minShare: minShare))
    }
    if bands.isEmpty || bands.last?.minShare != 0 {
      sink.error("'bands' must end with a band whose min_share is 0, so every result has a band", at: map.location)
    }
    if zip(bands, bands.dropFirst()).contains(where: { $0.minShare <= $1.minShare }) {
      sink.error("'bands' must be listed from the highest min_share down", at: map.location)
    }
    let confidence = map.required("confidence")?.mapping("'confidence'")
    confidence?.rejectUnknownKeys(allowed: ["resamples", "full_coverage"])
    let style = map.required("response_style")?.mapping("'response_style'")
    style?.rejectUnknownKeys(allowed: [
      "min_likert_for_straightline", "min_forced_for_one_side", "min_seconds_per_answer", "min_timed_answers",
      "careless_confidence_factor", "min_pattern_answers", "pattern_share", "strategy_words", "senior_roles",
      "min_inconsistent_pairs",
    ])
    guard let confidence, let style,
      let resamples = confidence.integer("resamples", in: PackRanges.resamples, required: true),
      let fullCoverage = confidence.number("full_coverage", in: PackRanges.coverage, required: true),
      let evidenceCount = map.integer("evidence_count", in: PackRanges.evidenceCount, required: true),
      let minLikert = style.integer("min_likert_for_straightline", in: PackRanges.answerCount, required: true),
      let minForced = style.integer("min_forced_for_one_side", in: PackRanges.answerCount, required: true),
      let minSeconds = style.number("min_seconds_per_answer", in: PackRanges.secondsPerAnswer, required: true),
      let minTimed = style.integer("min_timed_answers", in: PackRanges.answerCount, required: true),
      let factor = style.number("careless_confidence_factor", in: PackRanges.share, required: true)
    else { return nil }
    if resamples < 1 { sink.error("'resamples' must be at least 1", at: confidence.location) }
    if !(0.01...1).contains(fullCoverage) { sink.error("'full_coverage' must be in (0, 1]", at: confidence.location) }
    var rules = ResponseStyleRules(
      minLikertForStraightline: minLikert, minForcedForOneSide: minForced, minSecondsPerAnswer: minSeconds,
      minTimedAnswers: minTimed, carelessConfidenceFactor: factor)
    rules.minPatternAnswers =
      style.integer("min_pattern_answers", in: PackRanges.answerCount) ?? rules.minPatternAnswers
    rules.patternShare = style.number("pattern_share", in: PackRanges.share) ?? rules.patternShare
    rules.strategyWords = style.strings("strategy_words").map { $0.0.lowercased() }
    rules.seniorRoles = references(style, "senior_roles", .role)
    rules.minInconsistentPairs =
      style.integer("min_inconsistent_pairs", in: PackRanges.answerCount) ?? rules.minInconsistentPairs
    var unclear: ScoringRules.Unclear?
    if let map = map.value("unclear")?.mapping("'unclear'") {
      map.rejectUnknownKeys(allowed: ["id", "name", "below_evidence"])
      if let id = map.string("id"), let name = map.string("name"),
        let below = map.number("below_evidence", in: PackRanges.unclearEvidence, required: true)
      {
        unclear = .init(id: id, name: name, belowEvidence: below)
      }
    }
    var scoring = ScoringRules(
      bands: bands, resamples: max(1, resamples), fullCoverage: fullCoverage, evidenceCount: evidenceCount,
      responseStyle: rules, unclear: unclear)
    if let reading = map.value("reading")?.mapping("'reading'") {
      reading.rejectUnknownKeys(allowed: ["words_per_minute", "seconds_per_answer"])
      if let speed = reading.number("words_per_minute", in: 1...10_000), speed > 0 {
        scoring.reading.wordsPerMinute = speed
      }
      if let seconds = reading.number("seconds_per_answer", in: PackRanges.secondsPerAnswer) {
        scoring.reading.secondsPerAnswer = max(0, seconds)
      }
    }
    if let short = map.value("short_form")?.mapping("'short_form'") {
      short.rejectUnknownKeys(allowed: ["min_questions", "stop_stability", "in_play_margin"])
      scoring.shortForm.minQuestions =
        short.integer("min_questions", in: PackRanges.answerCount) ?? scoring.shortForm.minQuestions
      scoring.shortForm.stopStability =
        short.number("stop_stability", in: PackRanges.share) ?? scoring.shortForm.stopStability
      scoring.shortForm.inPlayMargin =
        short.number("in_play_margin", in: PackRanges.share) ?? scoring.shortForm.inPlayMargin
    }
    return scoring
  }

  // MARK: claims.yaml

  func readClaims(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "sources", "claims"])
    for item in map.sequence("sources", required: true) {
      guard let source = item.mapping("a source") else { continue }
      source.rejectUnknownKeys(allowed: ["id", "title", "kind"])
      guard let id = identifier(source), let title = source.string("title") else { continue }
      book.define(.source, id, at: source.location)
      parts.sources.append(Source(id: id, title: title, kind: source.string("kind", required: false)))
    }
    for item in map.sequence("claims", required: true) {
      guard let claim = item.mapping("a claim") else { continue }
      claim.rejectUnknownKeys(allowed: ["id", "source", "role", "text"])
      guard let id = identifier(claim), let source = claim.string("source"), let text = claim.string("text")
      else { continue }
      book.define(.claim, id, at: claim.location)
      book.refer(.source, source, at: claim.value("source")?.location ?? claim.location)
      let role = claim.string("role", required: false)
      if let role { book.refer(.role, role, at: claim.value("role")?.location ?? claim.location) }
      parts.claims.append(Claim(id: id, source: source, role: role, text: text, location: claim.location))
    }
  }

  // MARK: Shared readers

  /// Reads an optional `experience` kind.
  func experienceKind(_ map: YAMLMapping) -> ExperienceKind? {
    guard let name = map.string("experience", required: false) else { return nil }
    guard let kind = ExperienceKind(rawValue: name) else {
      sink.error(
        "unknown experience kind '\(name)'; use project, program or agile",
        at: map.value("experience")?.location ?? map.location)
      return nil
    }
    return kind
  }

  /// Reads `id`, checking that it is a lowercase slug.
  func identifier(_ map: YAMLMapping) -> String? {
    guard let id = map.string("id") else { return nil }
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._")
    if id.isEmpty || !id.allSatisfy({ allowed.contains($0) }) {
      sink.error(
        "id '\(id)' must be lowercase letters, digits, '-', '.' or '_'",
        at: map.value("id")?.location ?? map.location)
    }
    return id
  }

  /// Reads a list of ids and records each as a reference of `kind`.
  func references(_ map: YAMLMapping, _ key: String, _ kind: ReferenceKind) -> [String] {
    map.strings(key).map { id, location in
      book.refer(kind, id, at: location)
      return id
    }
  }

  /// Reads a weights mapping and records each key as a reference of `kind`.
  func weights(_ map: YAMLMapping, _ key: String, _ kind: ReferenceKind = .role) -> [String: Double] {
    var result: [String: Double] = [:]
    for (id, weight, location) in map.weights(key) {
      book.refer(kind, id, at: location)
      result[id] = weight
    }
    return result
  }

  /// Reads a `YYYY-MM-DD` date (a bare `YYYY-MM` is accepted as the first of the month).
  func date(_ map: YAMLMapping, _ key: String, required: Bool) -> String? {
    guard let text = map.string(key, required: required) else { return nil }
    guard CalendarDate(text) != nil else {
      sink.error(
        "'\(key)' must be a date written YYYY-MM-DD (got '\(text)')", at: map.value(key)?.location ?? map.location)
      return nil
    }
    return text
  }
}
