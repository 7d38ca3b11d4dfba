extension PackParser {
  // MARK: jd.yaml

  func readJobDescriptionRules(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: [
      "version", "other_kinds", "spelling", "negation", "boilerplate", "titles", "title_words", "title_weight",
      "full_evidence",
      "resamples",
      "recommendations", "checks", "structure",
    ])
    var otherKinds: [JobDescriptionRules.OtherKind] = []
    for item in map.sequence("other_kinds") {
      guard let kind = item.mapping("an other kind") else { continue }
      kind.rejectUnknownKeys(allowed: ["id", "name", "title"])
      guard let id = identifier(kind), let name = kind.string("name") else { continue }
      book.define(.weightTarget, id, at: kind.location)
      otherKinds.append(.init(id: id, name: name, title: kind.string("title", required: false) ?? name))
    }
    var spelling: [String: String] = [:]
    if let table = map.value("spelling")?.mapping("'spelling'") {
      for entry in table.entries {
        guard let american = entry.value.string("a spelling") else { continue }
        if entry.key.contains(" ") || entry.key != entry.key.lowercased() {
          sink.error("spelling keys are single lowercase words (got '\(entry.key)')", at: entry.keyLocation)
        }
        spelling[entry.key] = american.lowercased()
      }
    }
    let negation = map.required("negation")?.mapping("'negation'")
    negation?.rejectUnknownKeys(allowed: ["cues", "window", "empty_values", "affirming"])
    let boilerplate = map.required("boilerplate")?.mapping("'boilerplate'")
    boilerplate?.rejectUnknownKeys(allowed: ["headings", "phrases", "sections"])

    var titles: [JobDescriptionRules.TitleRule] = []
    for item in map.sequence("titles", required: true) {
      guard let rule = item.mapping("a title rule") else { continue }
      rule.rejectUnknownKeys(allowed: ["phrases", "implies"])
      guard let implies = rule.string("implies") else { continue }
      book.refer(.weightTarget, implies, at: rule.value("implies")?.location ?? rule.location)
      titles.append(.init(phrases: rule.strings("phrases").map(\.0), implies: implies))
    }
    var titleWords: [JobDescriptionRules.TitleRule] = []
    for item in map.sequence("title_words") {
      guard let rule = item.mapping("a title-words rule") else { continue }
      rule.rejectUnknownKeys(allowed: ["words", "implies"])
      guard let implies = rule.string("implies") else { continue }
      book.refer(.weightTarget, implies, at: rule.value("implies")?.location ?? rule.location)
      let words = rule.strings("words")
      for (word, location) in words where word.isEmpty || word.contains(where: { !$0.isLetter && !$0.isNumber }) {
        sink.error("title words are single words (got '\(word)')", at: location)
      }
      titleWords.append(.init(phrases: words.map { $0.0.lowercased() }, implies: implies))
    }
    var advice: [String: JobDescriptionRules.RoleAdvice] = [:]
    if let table = map.required("recommendations")?.mapping("'recommendations'") {
      for entry in table.entries {
        book.refer(.weightTarget, entry.key, at: entry.keyLocation)
        guard let item = entry.value.mapping("the recommendations for '\(entry.key)'") else { continue }
        item.rejectUnknownKeys(allowed: ["title", "kpis", "certifications", "claims"])
        advice[entry.key] = .init(
          title: item.string("title") ?? entry.key, kpis: item.strings("kpis").map(\.0),
          certifications: references(item, "certifications", .credential), claims: references(item, "claims", .claim))
      }
    }
    var checks: [JobDescriptionRules.Check] = []
    for item in map.sequence("checks") {
      guard let check = item.mapping("a check") else { continue }
      check.rejectUnknownKeys(allowed: ["id", "severity", "message", "fix", "kinds", "phrases", "entries"])
      guard let id = identifier(check), let message = check.string("message"), let fix = check.string("fix")
      else { continue }
      let severity = check.string("severity") ?? "warning"
      if !["error", "warning", "info"].contains(severity) {
        sink.error("'severity' must be error, warning or info", at: check.value("severity")?.location ?? check.location)
      }
      let phrases = check.strings("phrases")
      for (phrase, location) in phrases where phrase == "^" || phrase.dropFirst().contains("^") {
        sink.error(
          "'^' marks a phrase that counts only at a sentence's start, before its first word (got '\(phrase)')",
          at: location)
      }
      checks.append(
        .init(
          id: id, severity: severity, message: message, fix: fix, kinds: check.strings("kinds").map(\.0),
          phrases: phrases.map(\.0), entries: references(check, "entries", .lexiconEntry)))
    }
    parts.jobDescription = JobDescriptionRules(
      otherKinds: otherKinds, spelling: spelling,
      negationCues: negation?.strings("cues").map { $0.0.lowercased() } ?? [],
      negationWindow: negation?.integer("window", in: PackRanges.negationWindow) ?? 0,
      emptyValues: negation?.strings("empty_values").map { $0.0.lowercased() } ?? [],
      negationAffirming: negation?.strings("affirming").map { $0.0.lowercased() } ?? [],
      boilerplateHeadings: boilerplate?.strings("headings").map { $0.0.lowercased() } ?? [],
      boilerplatePhrases: boilerplate?.strings("phrases").map { $0.0.lowercased() } ?? [],
      sectionHeadings: boilerplate?.strings("sections").map { $0.0.lowercased() } ?? [],
      titles: titles, titleWords: titleWords,
      titleWeight: map.number("title_weight", in: PackRanges.weight, required: true) ?? 0,
      fullEvidence: max(0.1, map.number("full_evidence", in: PackRanges.fullEvidence, required: true) ?? 1),
      resamples: max(1, map.integer("resamples", in: PackRanges.resamples, required: true) ?? 1), advice: advice,
      checks: checks,
      structure: map.value("structure")?.mapping("'structure'").map(readStructure) ?? .init())
  }

  /// `structure:`: requirements, relation cues, people led, quantified scope and the other kinds.
  private func readStructure(_ map: YAMLMapping) -> JobDescriptionRules.Structure {
    map.rejectUnknownKeys(allowed: ["requirements", "relations", "people_led", "quantified_scope", "other_kinds"])
    var structure = JobDescriptionRules.Structure()
    func lowered(_ map: YAMLMapping?, _ key: String) -> [String] {
      map?.strings(key).map { $0.0.lowercased() } ?? []
    }
    let requirements = map.value("requirements")?.mapping("'requirements'")
    requirements?.rejectUnknownKeys(allowed: ["headings", "cues", "weight"])
    structure.requirementHeadings = lowered(requirements, "headings")
    structure.requirementCues = lowered(requirements, "cues")
    structure.requirementWeight = share(requirements, "weight") ?? 1
    let relations = map.value("relations")?.mapping("'relations'")
    relations?.rejectUnknownKeys(allowed: ["cues", "window", "list_window", "list_ends"])
    structure.relationCues = lowered(relations, "cues")
    structure.relationWindow = window(relations)
    structure.relationListWindow = relations?.integer("list_window", in: PackRanges.structureWindow) ?? 0
    structure.relationListEnds = lowered(relations, "list_ends")
    let led = map.value("people_led")?.mapping("'people_led'")
    led?.rejectUnknownKeys(allowed: ["cues", "window", "not_across"])
    structure.peopleLedCues = lowered(led, "cues")
    structure.peopleLedWindow = window(led)
    structure.peopleLedBreaks = lowered(led, "not_across")
    let scope = map.value("quantified_scope")?.mapping("'quantified_scope'")
    scope?.rejectUnknownKeys(allowed: ["quantifiers", "nouns", "window", "entry"])
    structure.quantifiers = lowered(scope, "quantifiers")
    structure.scopeNouns = lowered(scope, "nouns")
    structure.quantifierWindow = window(scope)
    if let entry = scope?.string("entry") {
      book.refer(.lexiconEntry, entry, at: scope?.value("entry")?.location ?? map.location)
      structure.quantifiedEntry = entry
    }
    let otherKinds = map.value("other_kinds")?.mapping("'other_kinds'")
    otherKinds?.rejectUnknownKeys(allowed: ["leading_only", "named_from"])
    structure.onlyLeadingOtherKind = otherKinds?.boolean("leading_only") ?? false
    structure.kindNamedFrom = otherKinds?.integer("named_from", in: PackRanges.kindNamedFrom) ?? 1
    return structure
  }

  /// A number from 0 to 1 (the reader reports one outside).
  private func share(_ map: YAMLMapping?, _ key: String) -> Double? {
    map?.number(key, in: PackRanges.share)
  }

  /// A word window from 0 to 12 (the reader reports one outside).
  private func window(_ map: YAMLMapping?) -> Int {
    map?.integer("window", in: PackRanges.structureWindow) ?? 0
  }

  // MARK: lexicon/*.yaml

  func readLexicon(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "entries"])
    for item in map.sequence("entries", required: true) {
      guard let entry = item.mapping("a lexicon entry") else { continue }
      entry.rejectUnknownKeys(allowed: ["id", "kind", "weights", "phrases", "reason", "claims", "credentials"])
      guard let id = identifier(entry), let reason = entry.string("reason") else { continue }
      book.define(.lexiconEntry, id, at: entry.location)
      let phrases = entry.strings("phrases").map(\.0)
      if phrases.isEmpty { sink.error("a lexicon entry needs at least one phrase", at: entry.location) }
      let weights = weights(entry, "weights", .weightTarget)
      if weights.isEmpty { sink.error("a lexicon entry needs 'weights'", at: entry.location) }
      parts.lexicon.append(
        LexiconEntry(
          id: id, kind: entry.string("kind", required: false) ?? "other", weights: weights, phrases: phrases,
          reason: reason, claims: references(entry, "claims", .claim),
          credentials: references(entry, "credentials", .credential), location: entry.location))
    }
  }
}

extension PackParser {
  // MARK: clarify.yaml

  func readClarify(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "intro", "questions"])
    parts.clarifyIntro = map.string("intro", required: false)
    var seen: Set<String> = []
    for item in map.sequence("questions", required: true) {
      guard let question = item.mapping("a clarify question") else { continue }
      question.rejectUnknownKeys(allowed: ["id", "text", "options"])
      guard let id = identifier(question), let text = question.string("text") else { continue }
      if !seen.insert(id).inserted {
        sink.error("duplicate clarify question id '\(id)'", at: question.location, rule: "reference")
      }
      var options: [ClarifyQuestion.Option] = []
      for entry in question.sequence("options", required: true) {
        guard let option = entry.mapping("an option") else { continue }
        option.rejectUnknownKeys(allowed: ["id", "text", "duty"])
        guard let optionID = option.string("id"), let optionText = option.string("text"),
          let duty = option.string("duty")
        else { continue }
        options.append(.init(id: optionID, text: optionText, duty: duty))
      }
      if options.count < 2 { sink.error("a clarify question needs at least two options", at: question.location) }
      parts.clarify.append(ClarifyQuestion(id: id, text: text, options: options))
    }
  }
}
