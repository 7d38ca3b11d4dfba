import Foundation

/// Reads job postings and says which role their duties describe, with the evidence and advice.
///
/// Compiled once from a pack's `jd.yaml` and `lexicon/`, then used for any number of postings,
/// from any number of threads. It scores with the same `Tally` as the self-assessment, over the
/// pack's roles plus `other` (every kind in `other_kinds` counts towards it).
public struct JobDescriptionAnalyzer: Sendable {
  /// The id of the bucket that collects every non-pack role.
  public static let otherID = "other"

  public let pack: ContentPack
  let rules: JobDescriptionRules
  let tally: Tally
  let lexicon: PhraseMatcher<Int>
  let boilerplateHeadings: PhraseMatcher<Int>
  let boilerplateSentences: PhraseMatcher<Int>
  let sectionHeadings: PhraseMatcher<Int>
  let titles: PhraseMatcher<Int>
  let checks: PhraseMatcher<Int>
  /// Whether each vocabulary id is a negation cue.
  let negationCues: [Bool]
  let vocabulary: Vocabulary
  let otherKindIDs: Set<String>
  let advisor: PostingAdvisor
  /// Each lexicon entry's weights as a tally vector, and the role it counts for most, computed once.
  let entryVectors: [[Double]]
  let entryTops: [(role: String, weight: Double)]
  /// Each lexicon entry's weights for kinds of `other`, by their index in `rules.otherKinds`.
  let entryOtherKinds: [[(kind: Int, weight: Double)]]

  /// Compiles the pack's job-description rules.
  ///
  /// - Throws: `PostingError.noRules` when the pack has no `jd.yaml`.
  public init(pack: ContentPack) throws {
    guard let rules = pack.jobDescription else { throw PostingError.noRules }
    self.pack = pack
    self.rules = rules
    var scoring = pack.scoring
    scoring.resamples = rules.resamples
    self.tally = Tally(roleIDs: pack.roles.map(\.id) + [Self.otherID], rules: scoring)
    let lexiconPhrases = pack.lexicon.enumerated().flatMap { index, entry in entry.phrases.map { ($0, index) } }
    let titlePhrases = rules.titles.enumerated().flatMap { index, rule in rule.phrases.map { ($0, index) } }
    let checkPhrases = rules.checks.enumerated().flatMap { index, check in check.phrases.map { ($0, index) } }
    let vocabulary = Vocabulary(
      phrases: lexiconPhrases.map(\.0) + titlePhrases.map(\.0) + checkPhrases.map(\.0) + rules.boilerplateHeadings
        + rules.boilerplatePhrases + rules.sectionHeadings,
      cues: rules.negationCues, spelling: rules.spelling)
    self.vocabulary = vocabulary
    lexicon = PhraseMatcher(lexiconPhrases, vocabulary: vocabulary)
    boilerplateHeadings = PhraseMatcher(rules.boilerplateHeadings.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    boilerplateSentences = PhraseMatcher(rules.boilerplatePhrases.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    sectionHeadings = PhraseMatcher(rules.sectionHeadings.enumerated().map { ($1, $0) }, vocabulary: vocabulary)
    titles = PhraseMatcher(titlePhrases, vocabulary: vocabulary)
    checks = PhraseMatcher(checkPhrases, vocabulary: vocabulary)
    var cues = [Bool](repeating: false, count: vocabulary.count)
    for cue in rules.negationCues where vocabulary.id(of: cue) >= 0 { cues[Int(vocabulary.id(of: cue))] = true }
    negationCues = cues
    otherKindIDs = Set(rules.otherKinds.map(\.id))
    advisor = PostingAdvisor(pack: pack, rules: rules)
    let otherKindIDs = self.otherKindIDs
    let tally = self.tally
    entryVectors = pack.lexicon.map { Self.vector($0.weights, otherKinds: otherKindIDs, tally: tally) }
    entryOtherKinds = pack.lexicon.map { entry in
      rules.otherKinds.enumerated().compactMap { index, kind in entry.weights[kind.id].map { (index, $0) } }
    }
    entryTops = pack.lexicon.map(\.strongest)
  }

  /// The largest posting any limit may allow, in KiB (64 MiB).
  public static let largestKiB = PostingText.largestBytes / 1024

  /// Analyses one posting.
  ///
  /// - Throws: `PostingError.empty` when the text has no words, `.tooLarge` when it is over 64 MiB.
  public func analyze(_ posting: Posting) throws -> PostingAnalysis {
    let size = posting.text.utf8.count
    if size > PostingText.largestBytes {
      throw PostingError.tooLarge(id: posting.id, bytes: size, limit: PostingText.largestBytes)
    }
    let text = PostingText(posting.text, vocabulary: vocabulary)
    guard !text.tokens.isEmpty else { throw PostingError.empty(id: posting.id) }
    let title = readTitle(posting, text)
    let boilerplate = boilerplateSegments(text, skipping: title.segment)
    let boilerplateSentenceIDs = boilerplateSentenceIDs(text, boilerplate: boilerplate, skipping: title.segment)

    var evidence: [PostingAnalysis.Evidence] = []
    var vectors: [[Double]] = []
    var ignored: [PostingAnalysis.Ignored] = []
    var satisfiedChecks: Set<Int> = []
    var otherTotals = [Double?](repeating: nil, count: rules.otherKinds.count)
    for match in checks.matches(in: text, segments: { $0 != title.segment && !boilerplate[$0] })
    where !boilerplateSentenceIDs[Int(text.tokens[match.tokens.lowerBound].sentence)] {
      satisfiedChecks.insert(checks.payload(match))
    }
    for match in lexicon.matches(in: text, segments: { $0 != title.segment }) {
      let segment = text.segments[match.segment]
      let inBoilerplate = boilerplate[match.segment]
      let entryIndex = lexicon.payload(match)
      let entry = pack.lexicon[entryIndex]
      let first = text.tokens[match.tokens.lowerBound]
      let last = text.tokens[match.tokens.upperBound - 1]
      let phrase = text.phrase(from: match.tokens.lowerBound, to: match.tokens.upperBound - 1)
      if inBoilerplate || boilerplateSentenceIDs[Int(first.sentence)] {
        ignored.append(
          .init(
            phrase: phrase, start: Int(first.start), end: Int(last.end), entry: entry.id, reason: .boilerplate))
      } else if isNegated(match.tokens.lowerBound, in: text, segmentStart: segment.tokens.lowerBound) {
        ignored.append(
          .init(phrase: phrase, start: Int(first.start), end: Int(last.end), entry: entry.id, reason: .negated))
      } else {
        let top = entryTops[entryIndex]
        evidence.append(
          .init(
            phrase: phrase, start: Int(first.start), end: Int(last.end), role: top.role, weight: top.weight,
            weights: entry.weights, reason: entry.reason, claim: entry.claims.first, entry: entry.id,
            kind: entry.kind, entryIndex: entryIndex))
        vectors.append(entryVectors[entryIndex])
        for (kind, weight) in entryOtherKinds[entryIndex] { otherTotals[kind] = (otherTotals[kind] ?? 0) + weight }
      }
    }

    let bodyWeight = vectors.reduce(0) { $0 + $1.reduce(0, +) }
    if let implied = title.implied {
      vectors.append(Self.vector([implied: rules.titleWeight], otherKinds: otherKindIDs, tally: tally))
    }
    let totals = tally.sum(vectors)
    var verdict = tally.verdict(totals)
    // Seeded by what was found, not by the id: the same text always gets the same confidence.
    // The hash of each `entry@start`, joined by commas, then `|` and the title's role.
    var seed = FNV1a()
    for (index, item) in evidence.enumerated() {
      if index > 0 { seed.combine(UInt8(ascii: ",")) }
      seed.combine(item.entry)
      seed.combine(UInt8(ascii: "@"))
      seed.combine(String(item.start))
    }
    seed.combine(UInt8(ascii: "|"))
    seed.combine(title.implied ?? "")
    let stability = tally.stability(vectors, verdict: verdict, seed: seed.value)
    if bodyWeight == 0, let last = pack.scoring.bands.last {
      // The title never decides alone: with no duties to read there is no verdict.
      verdict.band = last
      verdict.isHybrid = true
    }
    let role = tally.roleIDs[verdict.top]
    let otherBreakdown = otherKinds(otherTotals, title: title.implied)
    let otherKind = role == Self.otherID ? leadingOtherKind(otherBreakdown) : nil
    let fit = PostingAnalysis.Fit(
      role: role, otherKind: otherKind, band: verdict.band.id,
      confidence: bodyWeight == 0 ? 0 : stability * min(1, bodyWeight / rules.fullEvidence),
      topShare: verdict.topShare, isHybrid: verdict.isHybrid)
    let fitKey = otherKind ?? role
    let mismatch = !fit.isHybrid && bodyWeight > 0 && title.implied.map { $0 != fitKey } ?? false
    let analysis = PostingAnalysis(
      id: posting.id, title: .init(stated: title.stated, impliedRole: title.implied, mismatch: mismatch), fit: fit,
      scores: zip(tally.roleIDs, tally.shares(totals)).map { ($0, $1) }, otherKinds: otherBreakdown,
      evidence: evidence, ignored: ignored, recommendations: [],
      warnings: text.hasReplacementCharacters
        ? ["the text had bytes that are not UTF-8; they were replaced with U+FFFD"] : [],
      text: posting.text)
    var result = analysis
    result.recommendations = advisor.advise(
      analysis, bodyWeight: bodyWeight, satisfiedChecks: satisfiedChecks)
    return result
  }

  // MARK: Title

  struct TitleReading {
    var stated: String?
    var implied: String?
    /// The segment the title was read from, if it came from the text.
    var segment: Int?
  }

  private func readTitle(_ posting: Posting, _ text: PostingText) -> TitleReading {
    if let given = posting.title.map(Self.trimmed), !given.isEmpty {
      let titleText = PostingText(given, vocabulary: vocabulary)
      // A first line that repeats a title is the title, not a duty.
      let repeated = text.segments.first.flatMap { first in
        first.tokens.count <= 12 && impliedRole(text, first.tokens) != nil ? 0 : nil
      }
      return TitleReading(stated: given, implied: impliedRole(titleText, 0..<titleText.tokens.count), segment: repeated)
    }
    guard let first = text.segments.first, first.tokens.count <= 10,
      let implied = impliedRole(text, first.tokens)
    else { return TitleReading() }
    // The words of the first line as written, without the Markdown emphasis around some of them.
    let stated = text.phrase(from: first.tokens.lowerBound, to: first.tokens.upperBound - 1)
      .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    return TitleReading(stated: stated, implied: implied, segment: 0)
  }

  /// Text without surrounding white space (Foundation's trimming is slow enough to show in batches).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The role of the first title rule (in file order) any of whose phrases occurs in the tokens.
  private func impliedRole(_ text: PostingText, _ range: Range<Int>) -> String? {
    titles.longestMatches(in: text, range: range).map(titles.payload).min().map { rules.titles[$0].implies }
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

  /// Whether a negation cue stands within the window before a match, in the same clause.
  private func isNegated(_ position: Int, in text: PostingText, segmentStart: Int) -> Bool {
    let clause = text.tokens[position].clause
    var index = position - 1
    while index >= segmentStart && position - index <= rules.negationWindow {
      let token = text.tokens[index]
      guard token.clause == clause else { return false }
      if text.ids[index] >= 0 && negationCues[Int(text.ids[index])] { return true }
      index -= 1
    }
    return false
  }

  // MARK: Vectors

  /// Weights as a tally vector: pack roles in place, every other kind added into `other`.
  private static func vector(_ weights: [String: Double], otherKinds otherKindIDs: Set<String>, tally: Tally)
    -> [Double]
  {
    var folded: [String: Double] = [:]
    for (id, weight) in weights {
      folded[otherKindIDs.contains(id) ? Self.otherID : id, default: 0] += weight
    }
    return tally.vector(folded)
  }

  /// The kind with the most weight; on a tie the one `jd.yaml` lists first, so the answer
  /// never depends on a dictionary's order.
  private func leadingOtherKind(_ totals: [String: Double]) -> String? {
    var best: (id: String, weight: Double)?
    for kind in rules.otherKinds {
      if let weight = totals[kind.id], weight > best?.weight ?? -.infinity { best = (kind.id, weight) }
    }
    return best?.id
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
