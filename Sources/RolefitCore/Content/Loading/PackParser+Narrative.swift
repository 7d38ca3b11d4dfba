import Foundation

extension PackParser {
  // MARK: narrative.yaml

  func readNarrativeRules(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: [
      "version", "credential", "reading", "outline", "domains", "patterns", "guidance", "guidance_claims",
    ])
    let credential = map.string("credential", required: false)
    if let credential { book.refer(.credential, credential, at: map.value("credential")?.location ?? map.location) }
    let reading = map.required("reading")?.mapping("'reading'")
    reading?.rejectUnknownKeys(allowed: ["min_sentences", "program_needs_structure", "project_kinds"])
    let minSentences = reading?.integer("min_sentences", in: PackRanges.answerCount, required: true) ?? 1
    if minSentences < 1, let reading {
      sink.error("'min_sentences' must be at least 1", at: reading.value("min_sentences")?.location ?? reading.location)
    }
    let projectKinds = reading.map { references($0, "project_kinds", .weightTarget) } ?? []

    var domains: [NarrativeRules.Domain] = []
    for item in map.sequence("domains", required: true) {
      guard let domain = item.mapping("a domain") else { continue }
      domain.rejectUnknownKeys(allowed: ["id", "name", "entries", "phrases", "question", "claims"])
      guard let id = identifier(domain), let name = domain.string("name"), let question = domain.string("question")
      else { continue }
      if domains.contains(where: { $0.id == id }) {
        sink.error("duplicate domain id '\(id)'", at: domain.location, rule: "reference")
      }
      let claims = references(domain, "claims", .claim)
      if claims.isEmpty { sink.error("domain '\(id)' cites no claim", at: domain.location, rule: "source") }
      domains.append(
        .init(
          id: id, name: name, entries: references(domain, "entries", .lexiconEntry),
          phrases: lowered(domain, "phrases"), question: question, claims: claims))
    }
    let domainIDs = Set(domains.map(\.id))

    let outline = map.required("outline")?.mapping("'outline'")
    outline?.rejectUnknownKeys(allowed: ["note", "versions"])
    var versions: [NarrativeRules.OutlineVersion] = []
    for item in outline?.sequence("versions", required: true) ?? [] {
      guard let version = item.mapping("an outline version") else { continue }
      version.rejectUnknownKeys(allowed: ["id", "title", "source", "as_of", "names", "weights", "note"])
      guard let id = identifier(version), let title = version.string("title"), let source = version.string("source"),
        let asOf = date(version, "as_of", required: true)
      else { continue }
      var names: [String: String] = [:]
      if let table = version.value("names")?.mapping("'names'") {
        for entry in table.entries {
          checkDomain(entry.key, known: domainIDs, at: entry.keyLocation)
          names[entry.key] = entry.value.string("a domain name")
        }
      }
      var weights: [String: Double] = [:]
      for (domain, weight, location) in version.weights("weights") {
        checkDomain(domain, known: domainIDs, at: location)
        weights[domain] = weight
      }
      if !weights.isEmpty && abs(weights.values.reduce(0, +) - 100) > 0.5 {
        sink.error("the weights of outline '\(id)' must add up to 100", at: version.location)
      }
      versions.append(
        .init(
          id: id, title: title, source: source, asOf: asOf, names: names, weights: weights,
          note: version.string("note", required: false)))
    }

    var patterns: [NarrativeRules.Pattern] = []
    for item in map.sequence("patterns") {
      guard let pattern = item.mapping("a pattern") else { continue }
      pattern.rejectUnknownKeys(allowed: [
        "id", "reads_as", "structure", "weight", "phrases", "reason", "questions", "claims",
      ])
      guard let id = identifier(pattern), let sideName = pattern.string("reads_as"),
        let reason = pattern.string("reason")
      else { continue }
      guard let side = NarrativeRules.Side(rawValue: sideName) else {
        sink.error("'reads_as' must be program or project", at: pattern.value("reads_as")?.location ?? pattern.location)
        continue
      }
      let claims = references(pattern, "claims", .claim)
      if claims.isEmpty { sink.error("pattern '\(id)' cites no claim", at: pattern.location, rule: "source") }
      let questions = pattern.strings("questions").map(\.0)
      if side == .project && questions.isEmpty {
        sink.error("project pattern '\(id)' needs questions for the candidate", at: pattern.location)
      }
      let weight = pattern.number("weight", in: PackRanges.weight, required: true) ?? 0
      if weight <= 0 { sink.error("'weight' must be above 0", at: pattern.location) }
      patterns.append(
        .init(
          id: id, side: side, isStructure: pattern.boolean("structure") ?? false, weight: weight,
          phrases: lowered(pattern, "phrases"), reason: reason, questions: questions, claims: claims))
    }
    let guidance = map.strings("guidance").map(\.0)
    let guidanceClaims = references(map, "guidance_claims", .claim)
    if !guidance.isEmpty && guidanceClaims.isEmpty {
      sink.error("'guidance' needs 'guidance_claims' naming its sources", at: map.location, rule: "source")
    }
    parts.narrative = NarrativeRules(
      credential: credential, minSentences: max(1, minSentences),
      programNeedsStructure: reading?.boolean("program_needs_structure") ?? false, projectKinds: projectKinds,
      outlineNote: outline?.string("note") ?? "", outline: versions, domains: domains, patterns: patterns,
      guidance: guidance, guidanceClaims: guidanceClaims)
  }

  private func checkDomain(_ id: String, known: Set<String>, at location: SourceLocation) {
    guard !known.contains(id) else { return }
    var message = "unknown domain '\(id)'"
    if let near = EditDistance.suggestion(for: id, among: known.sorted()) { message += " (did you mean '\(near)'?)" }
    sink.error(message, at: location, rule: "reference")
  }

  /// Phrases, lower-cased; an empty one is an error.
  private func lowered(_ map: YAMLMapping, _ key: String) -> [String] {
    map.strings(key).compactMap { phrase, location in
      let trimmed = phrase.trimmingCharacters(in: .whitespaces).lowercased()
      if trimmed.isEmpty {
        sink.error("an empty phrase in '\(key)'", at: location)
        return nil
      }
      return trimmed
    }
  }
}
