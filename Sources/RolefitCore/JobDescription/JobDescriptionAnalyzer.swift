import Foundation

/// Reads job postings and says which role their duties describe, with the evidence and advice.
///
/// Compiled once from a pack's `jd.yaml` and `lexicon/`, then used for any number of postings,
/// from any number of threads. It decides with the pack's `PostingModel` over the pack's roles
/// plus `other` (every kind in `other_kinds` counts towards it).
public struct JobDescriptionAnalyzer: Sendable {
  /// The id of the bucket that collects every non-pack role.
  public static let otherID = "other"

  public let pack: ContentPack
  let rules: JobDescriptionRules
  /// The pack's roles and `other`, in the order the shares are reported.
  let roleIDs: [String]
  let lexicon: PhraseMatcher<Int>
  let boilerplateHeadings: PhraseMatcher<Int>
  let boilerplateSentences: PhraseMatcher<Int>
  let sectionHeadings: PhraseMatcher<Int>
  let titles: PhraseMatcher<Int>
  let checks: PhraseMatcher<CheckPhrase>
  /// Whether each vocabulary id is a negation cue.
  let negationCues: [Bool]
  /// By vocabulary id, the words that as a field's whole value say there is none ("nil").
  let emptyValues: [Bool]
  /// By vocabulary id, the words that right after a negation cue make it affirm ("only").
  let affirming: [Bool]
  /// Per vocabulary id: whether the word, between a people-led cue and a role's name, means the
  /// cue does not govern the name ("with", "for").
  let breaksLead: [Bool]
  /// By vocabulary id: the words that end a list of what a relation cue relates to.
  let endsRelationList: [Bool]
  let vocabulary: Vocabulary
  let otherKindIDs: Set<String>
  let advisor: PostingAdvisor
  /// The weights the engine decides with (fitted, or the lexicon's own).
  let model: PostingModel
  /// The lexicon's entry ids by index, for the model's lookups.
  let entryIDs: [String]
  /// The model's weights of each lexicon entry, by index: looked up once, not per posting.
  let entryWeights: [[Double]?]
  /// Each role id's (and `other`'s) class index in the model.
  let modelClass: [String: Int]
  /// Each entry's meaning as evidence (all but where it stands), made once and shared by its
  /// matches: a batch makes millions of evidence items.
  let entryMeanings: [PostingAnalysis.Evidence.SharedMeaning]
  let requirementHeadings: PhraseMatcher<Int>
  /// The structure's cues and the role names of the body, found in one pass over a posting.
  let cues: PhraseMatcher<Cue>

  /// What a structure cue says about the words after it.
  enum Cue: Sendable, Equatable {
    /// The sentence states a requirement ("years of experience").
    case requirement
    /// The words just after it are related to, not done ("reporting to").
    case relation
    /// A quantifier that, with a scope noun a few words on, is scope ("multiple").
    case quantifier
    /// A role's name ("program managers"): people, not duties.
    case roleName
    /// The role leads the people named just after it ("mentor", "a team of").
    case leads
  }
  /// A phrase of a check (`jd.yaml` `checks`): which check it meets, and whether only at the
  /// start of a sentence or list item (written with a leading `^`).
  struct CheckPhrase: Sendable {
    static let sentenceStart = "^"
    var check: Int
    var startsSentence: Bool
  }
  let scopeNouns: PhraseMatcher<Int>
  let quantifiedEntry: Int?
  /// Each lexicon entry's weights for kinds of `other`, by their index in `rules.otherKinds`.
  let entryOtherKinds: [[(kind: Int, weight: Double)]]
  /// Per lexicon entry: whether it points only to kinds of other role, none of the pack's roles.
  let entryIsOtherOnly: [Bool]

  /// Compiles the pack's job-description rules.
  ///
  /// - Throws: `PostingError.noRules` when the pack has no `jd.yaml`.
  public init(pack: ContentPack) throws {
    guard let rules = pack.jobDescription else { throw PostingError.noRules }
    self.pack = pack
    self.rules = rules
    roleIDs = pack.roles.map(\.id) + [Self.otherID]
    let lexiconPhrases = pack.lexicon.enumerated().flatMap { index, entry in entry.phrases.map { ($0, index) } }
    let titlePhrases = rules.titles.enumerated().flatMap { index, rule in rule.phrases.map { ($0, index) } }
    let checkPhrases = rules.checks.enumerated().flatMap { index, check in
      check.phrases.map { ($0, CheckPhrase(check: index, startsSentence: $0.hasPrefix(CheckPhrase.sentenceStart))) }
    }
    let structure = rules.structure
    let vocabulary = Vocabulary(
      phrases: lexiconPhrases.map(\.0) + titlePhrases.map(\.0) + checkPhrases.map(\.0) + rules.boilerplateHeadings
        + rules.boilerplatePhrases + rules.sectionHeadings + structure.requirementHeadings + structure.requirementCues
        + structure.relationCues + structure.peopleLedCues + structure.quantifiers + structure.scopeNouns,
      cues: rules.negationCues + rules.emptyValues + rules.negationAffirming + structure.peopleLedBreaks
        + structure.relationListEnds,
      spelling: rules.spelling)
    self.vocabulary = vocabulary
    lexicon = PhraseMatcher(lexiconPhrases, vocabulary: vocabulary)
    boilerplateHeadings = PhraseMatcher(rules.boilerplateHeadings.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    boilerplateSentences = PhraseMatcher(rules.boilerplatePhrases.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    sectionHeadings = PhraseMatcher(rules.sectionHeadings.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    titles = PhraseMatcher(titlePhrases, vocabulary: vocabulary)
    func matcher(_ phrases: [String]) -> PhraseMatcher<Int> {
      PhraseMatcher(phrases.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    }
    requirementHeadings = matcher(structure.requirementHeadings)
    cues = PhraseMatcher(
      structure.requirementCues.map { ($0, Cue.requirement) } + structure.relationCues.map { ($0, Cue.relation) }
        + structure.quantifiers.map { ($0, Cue.quantifier) } + structure.peopleLedCues.map { ($0, Cue.leads) }
        + titlePhrases.map { ($0.0, Cue.roleName) },
      vocabulary: vocabulary)
    scopeNouns = matcher(structure.scopeNouns)
    quantifiedEntry = structure.quantifiedEntry.flatMap { id in pack.lexicon.firstIndex { $0.id == id } }
    checks = PhraseMatcher(checkPhrases, vocabulary: vocabulary)
    negationCues = vocabulary.flags(rules.negationCues)
    emptyValues = vocabulary.flags(rules.emptyValues)
    affirming = vocabulary.flags(rules.negationAffirming)
    breaksLead = vocabulary.flags(structure.peopleLedBreaks)
    endsRelationList = vocabulary.flags(structure.relationListEnds)
    otherKindIDs = Set(rules.otherKinds.map(\.id))
    advisor = PostingAdvisor(pack: pack, rules: rules)
    let otherKindIDs = self.otherKindIDs
    let model = PostingModel.effective(for: pack)
    self.model = model
    entryIDs = pack.lexicon.map(\.id)
    entryWeights = model.entryWeights(for: entryIDs)
    let modelClass = Dictionary(model.classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.modelClass = modelClass
    entryMeanings = pack.lexicon.map { entry in
      let shown = model.shown(entry, otherKinds: otherKindIDs)
      return .init(
        .init(
          role: shown.role, weight: shown.weight, weights: entry.weights, reason: entry.reason,
          claim: entry.claims.first, entry: entry.id, kind: entry.kind))
    }
    entryOtherKinds = pack.lexicon.map { entry in
      rules.otherKinds.enumerated().compactMap { index, kind in entry.weights[kind.id].map { (index, $0) } }
    }
    entryIsOtherOnly = pack.lexicon.map { entry in
      let targets = entry.weights.filter { $0.value > 0 }.keys
      return !targets.isEmpty && targets.allSatisfy(otherKindIDs.contains)
    }
  }

  /// The largest posting any limit may allow, in KiB (64 MiB).
  public static let largestKiB = PostingText.largestBytes / 1024

  /// Analyses one posting.
  ///
  /// - Throws: `PostingError.empty` when the text has no words, `.tooLarge` when it is over 64 MiB.
  public func analyze(_ posting: Posting) throws -> PostingAnalysis {
    let (text, title, boilerplate, boilerplateSentenceIDs, reading, features) = try scan(posting)
    var satisfiedChecks: Set<Int> = []
    for match in checks.matches(in: text, segments: { $0 != title.segment && !boilerplate[$0] })
    where !boilerplateSentenceIDs[Int(text.tokens[match.tokens.lowerBound].sentence)] {
      let phrase = checks.payload(match)
      let first = match.tokens.lowerBound
      // "^own": "Own the budget" or "- Own benefits realisation", not "in their own time".
      if phrase.startsSentence && first > 0 && text.tokens[first - 1].sentence == text.tokens[first].sentence {
        continue
      }
      satisfiedChecks.insert(phrase.check)
    }
    let probabilities = PostingModel.softmax(
      model.scores(features, entryWeights: entryWeights), temperature: model.temperature)
    let scores = roleIDs.map { role in modelClass[role].map { probabilities[$0] } ?? 0 }
    let bodyWeight = reading.counts.values.reduce(0, +)
    let ranked = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    let (top, second) = (ranked[0], ranked.count > 1 ? ranked[1] : ranked[0])
    let pair = scores[top] + scores[second]
    let topShare = pair > 0 && top != second ? scores[top] / pair : 0.5
    // Hybrid when the two leading roles are nearly even; otherwise the band the probability of
    // the verdict earns (a 60% verdict is not a strong fit however far behind the runner-up is),
    // and uncertain below the model's threshold.
    let isMixed = pack.scoring.band(forShare: topShare).id == pack.scoring.bands.last?.id
    var band = isMixed ? pack.scoring.band(forShare: topShare) : pack.scoring.band(forShare: min(topShare, scores[top]))
    if !isMixed, band.id == pack.scoring.bands.last?.id, pack.scoring.bands.count > 1 {
      // The last band names two roles nearly even; a clear but weak lead is the band above it.
      band = pack.scoring.bands[pack.scoring.bands.count - 2]
    }
    if bodyWeight == 0, let last = pack.scoring.bands.last {
      // The title never decides alone: with no duties to read there is no verdict.
      band = last
    }
    let role = roleIDs[top]
    let otherBreakdown = otherKinds(reading.otherTotals, title: title.implied)
    let namedOtherKind = namedKind(otherBreakdown, evidence: reading.evidence, title: title.implied)
    let otherKind = role == Self.otherID ? namedOtherKind : nil
    let isHybrid = bodyWeight == 0 || isMixed
    let fit = PostingAnalysis.Fit(
      role: role, otherKind: otherKind, band: band.id,
      confidence: bodyWeight == 0 ? 0 : model.calibration.confidence(ofShare: scores[top]),
      topShare: topShare, isHybrid: isHybrid,
      isUncertain: bodyWeight > 0 && !isHybrid && scores[top] < model.uncertainBelow)
    let fitKey = otherKind ?? role
    // Another role with no kind named does not contradict a title naming a kind of other role.
    let agrees = title.implied.map { implied in
      implied == fitKey || (fitKey == Self.otherID && otherKindIDs.contains(implied))
    }
    // An uncertain verdict does not overrule the title either.
    let mismatch = !fit.isHybrid && !fit.isUncertain && bodyWeight > 0 && agrees == false
    var analysis = PostingAnalysis(
      id: posting.id,
      title: .init(
        stated: title.stated, impliedRole: title.implied, mismatch: mismatch,
        isDual: title.key == PostingModel.dualTitle),
      fit: fit,
      scores: zip(roleIDs, scores).map { ($0, $1) }, otherKinds: otherBreakdown,
      evidence: reading.evidence, ignored: reading.ignored, recommendations: [],
      warnings: text.hasReplacementCharacters
        ? ["the text had bytes that are not UTF-8; they were replaced with U+FFFD"] : [],
      text: posting.text)
    analysis.namedOtherKind = namedOtherKind
    let leading = deciding(
      reading.evidence, features: features, toward: modelClass[role], against: modelClass[roleIDs[second]])
    if fit.isHybrid || fit.isUncertain {
      // Nothing settled it: what pulls toward each of the two leading roles, in turn.
      let other = deciding(
        reading.evidence, features: features, toward: modelClass[roleIDs[second]], against: modelClass[role])
      var both: [Int] = []
      for index in 0..<max(leading.count, other.count) where both.count < Self.decidingCount {
        for side in [leading, other] where index < side.count && both.count < Self.decidingCount {
          both.append(side[index])
        }
      }
      analysis.deciding = both
    } else {
      analysis.deciding = leading
    }
    analysis.recommendations = advisor.advise(
      analysis, bodyWeight: bodyWeight, satisfiedChecks: satisfiedChecks)
    return analysis
  }

  /// The features of a posting as the model reads them, for fitting.
  public func features(_ posting: Posting) throws -> PostingFeatures { try scan(posting).features }

  /// The role or kind a posting's stated title names by its words alone, or nil.
  ///
  /// `jd.yaml` `title_words`: the first rule whose word the title holds. It is the yardstick a
  /// reading is measured against, as a hiring team skims a list of titles, and takes no part in one.
  public func titleWordsRole(_ posting: Posting) -> String? {
    let text = PostingText(posting.text, vocabulary: vocabulary)
    guard let stated = readTitle(posting, text).stated?.lowercased() else { return nil }
    let words = Set(stated.split { !$0.isLetter && !$0.isNumber }.map(String.init))
    return rules.titleWords.first { rule in rule.phrases.contains(where: words.contains) }?.implies
  }

  /// A posting cut into tokens, its title and boilerplate found, its duties read, and the
  /// features the model decides on: what `analyze` and `features` share.
  private func scan(_ posting: Posting) throws -> (
    text: PostingText, title: TitleReading, boilerplate: [Bool], boilerplateSentences: [Bool], reading: Reading,
    features: PostingFeatures
  ) {
    let size = posting.text.utf8.count
    if size > PostingText.largestBytes {
      throw PostingError.tooLarge(id: posting.id, bytes: size, limit: PostingText.largestBytes)
    }
    let text = PostingText(posting.text, vocabulary: vocabulary)
    guard !text.tokens.isEmpty else { throw PostingError.empty(id: posting.id) }
    let title = readTitle(posting, text)
    let boilerplate = boilerplateSegments(text, skipping: title.segment)
    let boilerplateSentences = boilerplateSentenceIDs(text, boilerplate: boilerplate, skipping: title.segment)
    let reading = read(text, title: title, boilerplate: boilerplate, boilerplateSentences: boilerplateSentences)
    let features = PostingFeatures(
      entries: PostingFeatures.saturated(reading.counts), cues: reading.cues.mapValues { log1p($0) },
      titleKey: title.key)
    return (text, title, boilerplate, boilerplateSentences, reading, features)
  }

  /// The evidence that moved the verdict most from the runner-up, one occurrence of each entry
  /// (the first stated as a duty, else the first), as indices into `evidence`: what a reader
  /// needs first.
  private func deciding(
    _ evidence: [PostingAnalysis.Evidence], features: PostingFeatures, toward top: Int?, against second: Int?
  ) -> [Int] {
    guard let top else { return [] }
    // Entries first (a few per posting), then the first evidence of the strongest: no table of
    // every match is built for each posting of a batch.
    var contributions: [(entry: Int, amount: Double)] = []
    for (entry, value) in features.entries {
      guard let weights = entryWeights[entry] else { continue }
      let against = second.map { weights[$0] } ?? 0
      let amount = value * (weights[top] - against)
      if amount > 0 { contributions.append((entry, amount)) }
    }
    contributions.sort { $0.amount > $1.amount || ($0.amount == $1.amount && $0.entry < $1.entry) }
    var result: [Int] = []
    for contribution in contributions where result.count < Self.decidingCount {
      // Quoted where the posting states it as a duty, if it does, rather than where it asks for it.
      if let index = evidence.firstIndex(where: { $0.entryIndex == contribution.entry && !$0.isRequirement })
        ?? evidence.firstIndex(where: { $0.entryIndex == contribution.entry })
      {
        result.append(index)
      }
    }
    return result
  }

  /// How many deciding reasons a reading shows first.
  public static let decidingCount = 5

  // MARK: Reading the duties

  /// What the lexicon found in a posting: the evidence, what was set aside, and the weighted
  /// counts the model reads.
  struct Reading {
    var evidence: [PostingAnalysis.Evidence] = []
    var ignored: [PostingAnalysis.Ignored] = []
    /// Per lexicon entry, the count of sentences it was found in, a requirement counting less.
    var counts: [Int: Double] = [:]
    var cues: [String: Double] = [:]
    var otherTotals: [Double?]
  }

  private func read(
    _ text: PostingText, title: TitleReading, boilerplate: [Bool], boilerplateSentences: [Bool]
  ) -> Reading {
    var reading = Reading(otherTotals: [Double?](repeating: nil, count: rules.otherKinds.count))
    let found = cues.matches(in: text, segments: { $0 != title.segment })
    let requirement = requirementSentences(text, skipping: title.segment, cues: found)
    let related = relatedTokens(text, cues: found)
    // A role's name in the body ("our Program Managers", "the Project Manager will") names people,
    // not duties: a phrase lying wholly inside one is not counted, unless the role leads them
    // ("mentor a team of construction project managers").
    // 32-bit, like the tokens' own offsets: a long posting has millions of tokens.
    var named = [Int32](repeating: -1, count: text.tokens.count)
    var leadsUpTo = -1
    for match in found {
      switch cues.payload(match) {
      case .leads: leadsUpTo = match.tokens.upperBound
      case .roleName where !isLed(match.tokens, leaderEnd: leadsUpTo, in: text):
        for index in match.tokens { named[index] = Int32(match.tokens.upperBound) }
      default: break
      }
    }
    /// Entry and sentence pairs already counted: an acronym and its expansion, or one entry
    /// said twice in a sentence, count once.
    var counted: Set<Int64> = []
    func count(_ entryIndex: Int, sentence: Int32) {
      let key = Int64(entryIndex) << 32 | Int64(sentence)
      guard counted.insert(key).inserted else { return }
      reading.counts[entryIndex, default: 0] += requirement[Int(sentence)] ? rules.structure.requirementWeight : 1
    }
    /// Why a phrase at these tokens does not count, if it does not; a relation cue is counted.
    func setAside(_ tokens: Range<Int>, segment index: Int) -> PostingAnalysis.Ignored.Reason? {
      let segment = text.segments[index]
      if boilerplate[index] || boilerplateSentences[Int(text.tokens[tokens.lowerBound].sentence)] {
        return .boilerplate
      }
      if isNegated(tokens.lowerBound, in: text, segmentStart: segment.tokens.lowerBound)
        || isEmptyField(after: tokens.upperBound, in: text, segmentEnd: segment.tokens.upperBound)
      {
        return .negated
      }
      if related[tokens.lowerBound] {
        reading.cues["relation", default: 0] += 1
        return .related
      }
      // A phrase inside a role's name, or cut out of one ("[The Project] Manager will act as"),
      // names the person, not a duty.
      return named[tokens.lowerBound] >= Int32(tokens.upperBound)
        || named[tokens.upperBound - 1] > Int32(tokens.upperBound) ? .related : nil
    }
    for match in lexicon.matches(in: text, segments: { $0 != title.segment }) where isWhole(match.tokens, in: text) {
      let entryIndex = lexicon.payload(match)
      let first = text.tokens[match.tokens.lowerBound]
      let last = text.tokens[match.tokens.upperBound - 1]
      let phrase = text.phrase(from: match.tokens.lowerBound, to: match.tokens.upperBound - 1)
      if let reason = setAside(match.tokens, segment: match.segment) {
        reading.ignored.append(
          .init(
            phrase: phrase, start: Int(first.start), end: Int(last.end), entry: entryIDs[entryIndex], reason: reason))
        continue
      }
      reading.evidence.append(
        evidence(
          entryIndex, phrase: phrase, start: first.start, end: last.end,
          isRequirement: requirement[Int(first.sentence)]))
      count(entryIndex, sentence: first.sentence)
      for (kind, weight) in entryOtherKinds[entryIndex] {
        reading.otherTotals[kind] = (reading.otherTotals[kind] ?? 0) + weight
      }
    }
    if rules.structure.onlyLeadingOtherKind { setAsideOtherKinds(but: leadingFoundKind(reading.otherTotals), &reading) }
    // Words the lexicon read already are not read again: a match of the quantified entry inside
    // the range ("multiple [related projects]"), or any entry's reading of its noun, which wins:
    // "multiple concurrent projects" is a workload, not program scope, and "multiple
    // [workstreams]" is the workstreams entry's, counted once. Where the entry's matches end, in
    // the text's order, and where every match ends (made when first needed).
    let readEnds = reading.evidence.filter { $0.entryIndex == quantifiedEntry }.map(\.end)
    var endsRead: Set<Int>?
    for (range, sentence, segment) in quantifiedScope(text, cues: found, boilerplate: boilerplate) {
      guard let entryIndex = quantifiedEntry else { break }
      let (start, end) = (Int(text.tokens[range.lowerBound].start), Int(text.tokens[range.upperBound - 1].end))
      // The first match ending after the range starts (a binary search: a long posting has
      // thousands): if it also ends within the range, the words are read already.
      var (low, high) = (0, readEnds.count)
      while low < high {
        let middle = (low + high) / 2
        if readEnds[middle] > start { high = middle } else { low = middle + 1 }
      }
      if low < readEnds.count && readEnds[low] <= end { continue }
      if endsRead == nil { endsRead = Set(reading.evidence.map(\.end)) }
      if endsRead?.contains(end) == true { continue }
      let phrase = text.phrase(from: range.lowerBound, to: range.upperBound - 1)
      // Read like a lexicon phrase: "not multiple projects", "supporting multiple large projects".
      if let reason = setAside(range, segment: segment) {
        reading.ignored.append(
          .init(phrase: phrase, start: start, end: end, entry: entryIDs[entryIndex], reason: reason))
        continue
      }
      reading.evidence.append(
        evidence(
          entryIndex, phrase: phrase, start: text.tokens[range.lowerBound].start,
          end: text.tokens[range.upperBound - 1].end, isRequirement: requirement[Int(sentence)]))
      count(entryIndex, sentence: sentence)
    }
    reading.evidence.sort { $0.start < $1.start }
    // What was set aside, in the text's order too (the other kinds' after the rest were read).
    reading.ignored.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    return reading
  }

  /// The index of the kind of other role whose phrases weigh most, if any was found; on a tie
  /// the one `jd.yaml` lists first.
  private func leadingFoundKind(_ totals: [Double?]) -> Int? {
    var best: (index: Int, weight: Double)?
    for (index, weight) in totals.enumerated() {
      if let weight, weight > best?.weight ?? -.infinity { best = (index, weight) }
    }
    return best?.index
  }

  /// Sets aside the phrases that point only to kinds of other role besides the leading one.
  ///
  /// A program manager's posting that names "client relationships", "BAU" and "microservices"
  /// touches account, operations and engineering work without being any of them. What is set
  /// aside is listed as not counted, and the kinds' totals are those of what still counts.
  private func setAsideOtherKinds(but leading: Int?, _ reading: inout Reading) {
    guard let leading else { return }
    func isSetAside(_ entry: Int) -> Bool {
      entryIsOtherOnly[entry] && !entryOtherKinds[entry].contains { $0.kind == leading }
    }
    // Most postings have nothing to set aside: their few counted entries say so at once.
    guard reading.counts.keys.contains(where: isSetAside) else { return }
    var kept: [PostingAnalysis.Evidence] = []
    var totals = [Double?](repeating: nil, count: reading.otherTotals.count)
    for item in reading.evidence {
      let entry = item.entryIndex
      let kinds = entryOtherKinds[entry]
      if isSetAside(entry) {
        reading.counts[entry] = nil
        reading.ignored.append(
          .init(phrase: item.phrase, start: item.start, end: item.end, entry: entryIDs[entry], reason: .anotherKind))
        continue
      }
      kept.append(item)
      for (kind, weight) in kinds { totals[kind] = (totals[kind] ?? 0) + weight }
    }
    reading.evidence = kept
    reading.otherTotals = totals
  }

  /// An entry's evidence at a place in the text, from the entry's part made once.
  private func evidence(
    _ entryIndex: Int, phrase: String, start: Int32, end: Int32, isRequirement: Bool
  ) -> PostingAnalysis.Evidence {
    PostingAnalysis.Evidence(
      phrase: phrase, start: Int(start), end: Int(end), meaning: entryMeanings[entryIndex],
      entryIndex: entryIndex, isRequirement: isRequirement)
  }

  // MARK: Title

  struct TitleReading {
    var stated: String?
    var implied: String?
    /// The segment the title was read from, if it came from the text.
    var segment: Int?
    /// What the model reads of it: the implied role or kind, `dual` when it names two of the
    /// pack's roles ("Project / Program Manager"), `none` when it names none.
    var key = PostingModel.noTitle
  }

  private func readTitle(_ posting: Posting, _ text: PostingText) -> TitleReading {
    if let given = posting.title.map(Self.trimmed), !given.isEmpty {
      let titleText = PostingText(given, vocabulary: vocabulary)
      // A first line that repeats a title is the title, not a duty.
      let repeated = text.segments.first.flatMap { first in
        titleWords(text, first.tokens, atMost: Self.titleLineWords).count <= Self.titleLineWords
          && impliedRole(text, first.tokens) != nil ? 0 : nil
      }
      let (key, implied) = titleRoles(titleText, 0..<titleText.tokens.count)
      return TitleReading(stated: given, implied: implied, segment: repeated, key: key)
    }
    guard let first = text.segments.first else { return TitleReading() }
    let words = titleWords(text, first.tokens, atMost: Self.titleLineWords)
    guard words.count <= Self.titleLineWords, !readsAsASentence(text, first.tokens, words: words),
      impliedRole(text, first.tokens) != nil
    else { return TitleReading() }
    // The first line as written from its first word to the end of the line (a closing
    // parenthesis is part of the title), without Markdown emphasis or an HTML tag after it.
    let start = Int(text.tokens[first.tokens.lowerBound].byteStart)
    var end = Int(text.tokens[first.tokens.upperBound - 1].byteEnd)
    while end < text.bytes.count && text.bytes[end] != UInt8(ascii: "\n") && text.bytes[end] != UInt8(ascii: "\r")
      && text.bytes[end] != UInt8(ascii: "<")
    {
      end += 1
    }
    let stated = Self.trimmed(
      String(decoding: text.bytes[start..<end], as: UTF8.self)
        .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: ""))
    let (key, implied) = titleRoles(text, first.tokens)
    return TitleReading(stated: stated, implied: implied, segment: 0, key: key)
  }

  /// The title's key for the model and the role or kind it implies (none when it names two).
  ///
  /// The words outside parentheses are what the role is called; a parenthesis holds a grade, a
  /// civil-service class, a site or the employer ("Facilities Program Manager (Project/Program
  /// Manager III)" is a program manager's title, not a dual one). So a parenthesis is read only
  /// when the words outside it name no role ("Deputy Director (Program Manager Senior IV)").
  private func titleRoles(_ text: PostingText, _ range: Range<Int>) -> (key: String, implied: String?) {
    if let outside = Self.outsideParentheses(text, range) {
      let outsideText = PostingText(outside, vocabulary: vocabulary)
      let all = 0..<outsideText.tokens.count
      let key = titleKey(outsideText, all)
      if key != PostingModel.noTitle { return (key, key == PostingModel.dualTitle ? nil : key) }
    }
    let key = titleKey(text, range)
    return (key, key == PostingModel.dualTitle || key == PostingModel.noTitle ? nil : key)
  }

  /// The text of some tokens without what stands in parentheses or brackets, or nil when nothing does.
  static func outsideParentheses(_ text: PostingText, _ range: Range<Int>) -> String? {
    guard let first = range.first, let last = range.last else { return nil }
    let bytes = text.bytes[Int(text.tokens[first].byteStart)..<Int(text.tokens[last].byteEnd)]
    guard bytes.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return nil }
    var kept: [UInt8] = []
    var depth = 0
    for byte in bytes {
      if let next = bracketDepth(depth, after: byte) {
        depth = next
        kept.append(UInt8(ascii: " "))
      } else if depth == 0 {
        kept.append(byte)
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  /// How deep in parentheses or brackets the text is after a byte that opens or closes one
  /// (never below 0), or nil when the byte is neither: what a title's words outside parentheses
  /// are is decided by this one rule.
  static func bracketDepth(_ depth: Int, after byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "("), UInt8(ascii: "["): depth + 1
    case UInt8(ascii: ")"), UInt8(ascii: "]"): max(0, depth - 1)
    default: nil
    }
  }

  /// The most words a first line may have, outside parentheses, to be read as the title (or as
  /// repeating the title given apart); a longer one is a sentence ("Join us as a Principal
  /// Program Manager for our data centre infrastructure team").
  static let titleLineWords = 12
  /// What may stand between a line's last word and its final punctuation.
  static let closingBytes = Set(" \t)]\"'*".utf8)
  /// Lower-case words (of four letters or more) that make a line with capitals a sentence.
  static let sentenceLowercaseWords = 3

  /// The words of a line that say what the role is called: how many, and how many of four
  /// letters or more begin in lower case and in capitals.
  struct TitleLineWords {
    var count = 0
    var lowercase = 0
    var capitalised = 0
  }

  /// The words of a line outside its parentheses, counted up to just past `limit`.
  ///
  /// Words inside parentheses and brackets hold a location, a grade or the employer ("Senior
  /// Program Manager (Remote, US)", "Project Director (Health Manager Lvl 5) - Bankstown Hospital
  /// Redevelopment") and are not counted. A line of more than four times `limit` words in all is
  /// no title: a posting on one long line is not walked to its end.
  private func titleWords(_ text: PostingText, _ range: Range<Int>, atMost limit: Int) -> TitleLineWords {
    var words = TitleLineWords()
    guard !range.isEmpty else { return words }
    if range.count > limit * 4 {
      words.count = limit + 1
      return words
    }
    var depth = 0
    var cursor = Int(text.tokens[range.lowerBound].byteStart)
    for index in range {
      let token = text.tokens[index]
      while cursor < Int(token.byteStart) {
        if let next = Self.bracketDepth(depth, after: text.bytes[cursor]) { depth = next }
        cursor += 1
      }
      guard depth == 0 else { continue }
      words.count += 1
      if token.byteEnd - token.byteStart >= 4 {
        let first = text.bytes[Int(token.byteStart)]
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { words.lowercase += 1 }
        if first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") { words.capitalised += 1 }
      }
      if words.count > limit { break }
    }
    return words
  }

  /// Whether a line reads as a sentence, not a title: it ends as a sentence does ("What does the
  /// Program Manager do?", "We are hiring a project manager."; a short abbreviation's full stop,
  /// "Manager, Sr.", is part of a title), or, where some words are capitalised as titles are, it
  /// has `sentenceLowercaseWords` or more words of four letters or more in lower case outside its
  /// parentheses ("We're hiring a Program Manager to lead our platform").
  private func readsAsASentence(_ text: PostingText, _ range: Range<Int>, words: TitleLineWords) -> Bool {
    if words.capitalised > 0 && words.lowercase >= Self.sentenceLowercaseWords { return true }
    guard let last = range.last else { return false }
    let token = text.tokens[last]
    var index = Int(token.byteEnd)
    // Past spaces, closing brackets and quotes: "(Payments)!" ends as a sentence too.
    while index < text.bytes.count, Self.closingBytes.contains(text.bytes[index]) { index += 1 }
    guard index < text.bytes.count else { return false }
    switch text.bytes[index] {
    case UInt8(ascii: "?"), UInt8(ascii: "!"): return true
    case UInt8(ascii: "."): return token.byteEnd - token.byteStart > 3
    default: return false
    }
  }

  /// Text without surrounding white space (Foundation's trimming is slow enough to show in batches).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The title's key for the model: `dual` when the title names two or more of the pack's roles.
  ///
  /// A title that offers alternatives ("Project / Program Manager", "Project or Programme Lead")
  /// is read with each alternative in turn.
  private func titleKey(_ text: PostingText, _ range: Range<Int>) -> String {
    // Loops rather than closures: a closure here would copy the whole analyzer for every posting.
    guard !range.isEmpty else { return PostingModel.noTitle }
    var roles: Set<String> = []
    for match in titles.longestMatches(in: text, range: range) {
      let implies = rules.titles[titles.payload(match)].implies
      if modelClass[implies] != nil && implies != Self.otherID { roles.insert(implies) }
    }
    let words = text.phrase(from: range.lowerBound, to: range.upperBound - 1)
    if Self.offersAlternatives(words) {
      for variant in Self.alternatives(words) {
        let variantText = PostingText(variant, vocabulary: vocabulary)
        for match in titles.longestMatches(in: variantText, range: 0..<variantText.tokens.count) {
          let implies = rules.titles[titles.payload(match)].implies
          if modelClass[implies] != nil && implies != Self.otherID { roles.insert(implies) }
        }
      }
    }
    if roles.count > 1 { return PostingModel.dualTitle }
    // "Project/Consortium Manager": one alternative names a role, the other none.
    return impliedRole(text, range) ?? roles.first ?? PostingModel.noTitle
  }

  /// Whether a title holds a slash, an ampersand or the word "or".
  static func offersAlternatives(_ title: String) -> Bool {
    // One pass over the bytes: a title is read for every posting of a batch.
    let bytes = Array(title.utf8)
    for (index, byte) in bytes.enumerated() {
      if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "&") { return true }
      if byte | 0x20 == UInt8(ascii: "o"), index > 0, index + 2 < bytes.count, bytes[index - 1] == 0x20,
        bytes[index + 1] | 0x20 == UInt8(ascii: "r"), bytes[index + 2] == 0x20
      {
        return true
      }
    }
    return false
  }

  /// A title with each "A / B", "A or B" or "A & B" between two words read as A alone and as B alone.
  static func alternatives(_ title: String) -> [String] {
    let words = title.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var result: [String] = []
    for (index, word) in words.enumerated() {
      if ["/", "or", "&"].contains(word.lowercased()), index > 0, index + 1 < words.count {
        result.append((words[..<index] + words[(index + 2)...]).joined(separator: " "))
        result.append((words[..<(index - 1)] + words[(index + 1)...]).joined(separator: " "))
      } else if let slash = word.firstIndex(of: "/"), slash != word.startIndex,
        word.index(after: slash) != word.endIndex
      {
        let left = String(word[..<slash])
        let right = String(word[word.index(after: slash)...])
        result.append((words[..<index] + [left] + words[(index + 1)...]).joined(separator: " "))
        result.append((words[..<index] + [right] + words[(index + 1)...]).joined(separator: " "))
      }
    }
    return result
  }

  /// The role of the first title rule (in file order) any of whose phrases occurs in the tokens.
  private func impliedRole(_ text: PostingText, _ range: Range<Int>) -> String? {
    // A loop, not `map(titles.payload)`: that closure would copy the whole matcher for every posting.
    var first: Int?
    for match in titles.longestMatches(in: text, range: range) {
      let rule = titles.payload(match)
      if first.map({ rule < $0 }) ?? true { first = rule }
    }
    return first.map { rules.titles[$0].implies }
  }

  // MARK: Structure

  /// Whether a match is a phrase of its own: inside one clause, and not cut out of a hyphenated
  /// word ("high-velocity" holds no "velocity", "vaccination-related projects" no "related projects").
  private func isWhole(_ range: Range<Int>, in text: PostingText) -> Bool {
    guard text.tokens[range.lowerBound].clause == text.tokens[range.upperBound - 1].clause else { return false }
    if range.lowerBound > 0 && isHyphenJoined(text, range.lowerBound - 1) { return false }
    if range.upperBound < text.tokens.count && isHyphenJoined(text, range.upperBound - 1) { return false }
    return true
  }

  /// Whether token `left` and the next one are one word joined by a hyphen.
  private func isHyphenJoined(_ text: PostingText, _ left: Int) -> Bool {
    let (first, second) = (text.tokens[left], text.tokens[left + 1])
    return second.byteStart == first.byteEnd + 1 && text.bytes[Int(first.byteEnd)] == UInt8(ascii: "-")
  }

  /// A flag per sentence: whether it states a requirement (under a requirements heading, or
  /// holding a requirement cue such as "years of experience") rather than a duty.
  private func requirementSentences(
    _ text: PostingText, skipping title: Int?, cues found: [PhraseMatcher<Cue>.Match]
  ) -> [Bool] {
    var flags = [Bool](repeating: false, count: Int(text.tokens.last?.sentence ?? 0) + 1)
    var inRequirements = false
    for (index, segment) in text.segments.enumerated() where index != title && !segment.tokens.isEmpty {
      if segment.isStrongHeading || segment.isWeakHeading {
        if isHeading(segment, text, requirementHeadings) {
          inRequirements = true
          continue
        }
        if segment.isStrongHeading || isHeading(segment, text, sectionHeadings)
          || isHeading(segment, text, boilerplateHeadings)
        {
          inRequirements = false
        }
      }
      if inRequirements {
        for token in segment.tokens { flags[Int(text.tokens[token].sentence)] = true }
      }
    }
    for match in found where cues.payload(match) == .requirement {
      flags[Int(text.tokens[match.tokens.lowerBound].sentence)] = true
    }
    return flags
  }

  /// A flag per token: whether a relation cue ("reporting to", "supporting", "work closely with")
  /// stands at most the window's words before it in the same sentence.
  private func relatedTokens(_ text: PostingText, cues found: [PhraseMatcher<Cue>.Match]) -> [Bool] {
    var flags = [Bool](repeating: false, count: text.tokens.count)
    let window = rules.structure.relationWindow
    let listWindow = rules.structure.relationListWindow
    for match in found where cues.payload(match) == .relation {
      let sentence = text.tokens[match.tokens.upperBound - 1].sentence
      var index = match.tokens.upperBound
      while index < text.tokens.count && index - match.tokens.upperBound <= window
        && text.tokens[index].sentence == sentence
      {
        flags[index] = true
        index += 1
      }
      // A list of those related to runs on past a comma ("collaborate with design, program
      // management, manufacturing and test teams"), until a word that says what the role does
      // with them ("to ..."), the sentence's end or the list's window.
      guard match.tokens.upperBound < text.tokens.count else { continue }
      let firstClause = text.tokens[match.tokens.upperBound].clause
      func endsList(_ token: Int) -> Bool {
        text.tokens[token].clause != firstClause && text.ids[token] >= 0 && endsRelationList[Int(text.ids[token])]
      }
      // An end already inside the window ("work closely with the leads, drive the roadmap").
      if (match.tokens.upperBound..<index).contains(where: endsList) { continue }
      while index < text.tokens.count && index - match.tokens.upperBound <= listWindow
        && text.tokens[index].sentence == sentence && text.tokens[index].clause != firstClause
        && !endsList(index)
      {
        flags[index] = true
        index += 1
      }
    }
    return flags
  }

  /// Whether a role's name stands at most the window's words after the end of a people-led cue
  /// (`leaderEnd`, or -1 for none), in the same clause, with no word between that turns the cue to
  /// something else ("develop plans with project managers"): people the role leads.
  private func isLed(_ name: Range<Int>, leaderEnd: Int, in text: PostingText) -> Bool {
    guard leaderEnd > 0, leaderEnd <= name.lowerBound,
      name.lowerBound - leaderEnd <= rules.structure.peopleLedWindow,
      text.tokens[leaderEnd - 1].clause == text.tokens[name.lowerBound].clause
    else { return false }
    for index in leaderEnd..<name.lowerBound {
      let id = text.ids[index]
      if id >= 0 && breaksLead[Int(id)] { return false }
    }
    return true
  }

  /// Quantified scope with words between ("multiple large, complex projects"): each quantifier
  /// followed within the window, in the same sentence, by a scope noun; adjacent pairs are the
  /// lexicon's own phrases.
  private func quantifiedScope(_ text: PostingText, cues: [PhraseMatcher<Cue>.Match], boilerplate: [Bool])
    -> [(tokens: Range<Int>, sentence: Int32, segment: Int)]
  {
    guard quantifiedEntry != nil else { return [] }
    var found: [(tokens: Range<Int>, sentence: Int32, segment: Int)] = []
    for match in cues
    where self.cues.payload(match) == .quantifier && !boilerplate[match.segment] && isWhole(match.tokens, in: text) {
      let sentence = text.tokens[match.tokens.lowerBound].sentence
      let bounds = text.segments[match.segment].tokens
      var index = match.tokens.upperBound + 1
      while index < bounds.upperBound && index - match.tokens.upperBound <= rules.structure.quantifierWindow
        && text.tokens[index].sentence == sentence
      {
        if let noun = scopeNouns.longestMatch(in: text, at: index, within: bounds) {
          // Two quantifiers of one noun ("across multiple countries and initiatives") are one
          // scope, read from the first.
          if found.last?.tokens.upperBound != noun.tokens.upperBound {
            found.append((match.tokens.lowerBound..<noun.tokens.upperBound, sentence, match.segment))
          }
          break
        }
        index += 1
      }
    }
    return found
  }

  // MARK: Boilerplate and negation

  /// Segments under a boilerplate heading, until the next real heading, as a flag per segment.
  private func boilerplateSegments(_ text: PostingText, skipping title: Int?) -> [Bool] {
    var result = [Bool](repeating: false, count: text.segments.count)
    var inBoilerplate = false
    for (index, segment) in text.segments.enumerated() where index != title {
      if segment.isStrongHeading || segment.isWeakHeading {
        if isBoilerplateHeading(segment, text) {
          inBoilerplate = true
          result[index] = true
          continue
        }
        if segment.isStrongHeading || isHeading(segment, text, sectionHeadings) { inBoilerplate = false }
      }
      if inBoilerplate { result[index] = true }
    }
    return result
  }

  /// A heading that starts with a boilerplate heading phrase, with at most three more words and
  /// none of them evidence ("Benefits" is boilerplate, "Benefits realisation" is not).
  private func isBoilerplateHeading(_ segment: PostingText.Segment, _ text: PostingText) -> Bool {
    isHeading(segment, text, boilerplateHeadings) && lexicon.matches(in: text, range: segment.tokens).isEmpty
  }

  /// Whether a segment starts with one of the phrases and has at most three more words.
  private func isHeading(_ segment: PostingText.Segment, _ text: PostingText, _ phrases: PhraseMatcher<Int>) -> Bool {
    guard let match = phrases.longestMatch(in: text, at: segment.tokens.lowerBound, within: segment.tokens)
    else {
      return false
    }
    return segment.tokens.count <= match.tokens.count + 3
  }

  /// A flag per sentence: whether it holds a boilerplate phrase.
  private func boilerplateSentenceIDs(_ text: PostingText, boilerplate: [Bool], skipping title: Int?) -> [Bool] {
    var sentences = [Bool](repeating: false, count: Int(text.tokens.last?.sentence ?? 0) + 1)
    for match in boilerplateSentences.matches(in: text, segments: { $0 != title && !boilerplate[$0] }) {
      sentences[Int(text.tokens[match.tokens.lowerBound].sentence)] = true
    }
    return sentences
  }

  /// Whether the phrase ending before `end` names a field whose whole value is an empty value.
  ///
  /// The next clause of its line, within the negation window, is one such word and nothing else
  /// ("Volunteers managed: Nil", "Direct reports: none").
  private func isEmptyField(after end: Int, in text: PostingText, segmentEnd: Int) -> Bool {
    guard end > 0 else { return false }
    let clause = text.tokens[end - 1].clause
    var index = end
    while index < segmentEnd && index - end <= rules.negationWindow {
      let token = text.tokens[index]
      if token.clause != clause {
        let isWholeValue = index + 1 == segmentEnd || text.tokens[index + 1].clause != token.clause
        return isWholeValue && text.ids[index] >= 0 && emptyValues[Int(text.ids[index])]
      }
      index += 1
    }
    return false
  }

  /// Whether a negation cue stands within the window before a match, in the same clause.
  private func isNegated(_ position: Int, in text: PostingText, segmentStart: Int) -> Bool {
    let clause = text.tokens[position].clause
    var index = position - 1
    while index >= segmentStart && position - index <= rules.negationWindow {
      let token = text.tokens[index]
      guard token.clause == clause else { return false }
      if text.ids[index] >= 0 && negationCues[Int(text.ids[index])] {
        // "not only", "not just", "not limited to" affirm what follows.
        let next = index + 1 < position ? text.ids[index + 1] : -1
        if next < 0 || !affirming[Int(next)] { return true }
      }
      index -= 1
    }
    return false
  }

  /// The kind of other role the evidence names, if any.
  ///
  /// The leading kind (on a tie, the one the title names), when the title names it or at least
  /// `named_from` of its phrases were counted. One phrase ("outreach") never names a kind: a
  /// verdict of `other` then says another role, without saying which.
  private func namedKind(_ breakdown: [String: Double], evidence: [PostingAnalysis.Evidence], title: String?)
    -> String?
  {
    guard let kind = rules.leadingOtherKind(breakdown, preferring: title) else { return nil }
    guard kind != title, let index = rules.otherKinds.firstIndex(where: { $0.id == kind }) else { return kind }
    // A loop, not a closure over `self`: capturing the analyzer retains every table it holds,
    // once per posting.
    var found = 0
    for item in evidence where entryOtherKinds[item.entryIndex].contains(where: { $0.kind == index }) {
      found += 1
      if found == rules.structure.kindNamedFrom { return kind }
    }
    return nil
  }

  /// The weight of evidence for each kind of `other` found, plus the title's when it names one.
  private func otherKinds(_ found: [Double?], title: String?) -> [String: Double] {
    var totals: [String: Double] = [:]
    for (index, weight) in found.enumerated() {
      if let weight { totals[rules.otherKinds[index].id] = weight }
    }
    if let title, otherKindIDs.contains(title) { totals[title, default: 0] += rules.titleWeight }
    return totals
  }
}
