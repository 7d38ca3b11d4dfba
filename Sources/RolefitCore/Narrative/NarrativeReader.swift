import Foundation

/// Reads a candidate's own PgMP experience summaries with the job-description engine, plus the
/// rules of `narrative.yaml`: how each summary and each sentence reads, which exam domains it
/// shows, and which questions would make a project account into a program account.
///
/// The engine reads each summary once; its evidence (with its fitted weights) is then placed in
/// the sentences it came from, beside the patterns `narrative.yaml` adds.
public struct NarrativeReader: Sendable {
  public let pack: ContentPack
  let rules: NarrativeRules
  let analyzer: JobDescriptionAnalyzer
  let spelling: [String: String]
  /// The roles whose evidence reads as program and as project work (by their `experience`).
  let programRoles: Set<String>
  let projectRoles: Set<String>
  /// Each pattern's phrases, split into words.
  let patternPhrases: [[(phrase: [String], pattern: Int)]]
  let domainPhrases: [[[String]]]
  /// For each lexicon entry id, the domains its evidence shows.
  let entryDomains: [String: [Int]]

  /// A title that names no role: a candidate's own job title is not evidence of the work.
  static let neutralTitle = "Experience summary"

  /// The default size limit of one input, in bytes.
  public static let defaultMaxBytes = 256 * 1024

  public init(pack: ContentPack) throws {
    guard let rules = pack.narrative, pack.jobDescription != nil else { throw NarrativeError.noRules }
    self.pack = pack
    self.rules = rules
    analyzer = try JobDescriptionAnalyzer(pack: pack)
    let spelling = pack.jobDescription?.spelling ?? [:]
    self.spelling = spelling
    programRoles = Set(pack.roles.filter { $0.experience == .program }.map(\.id))
    projectRoles = Set(pack.roles.filter { $0.experience == .project }.map(\.id)).union(rules.projectKinds)
    patternPhrases = rules.patterns.enumerated().map { index, pattern in
      pattern.phrases.map { (NarrativeWords.phrase($0, spelling: spelling), index) }
    }
    domainPhrases = rules.domains.map { domain in domain.phrases.map { NarrativeWords.phrase($0, spelling: spelling) } }
    var entryDomains: [String: [Int]] = [:]
    for (index, domain) in rules.domains.enumerated() {
      for entry in domain.entries { entryDomains[entry, default: []].append(index) }
    }
    self.entryDomains = entryDomains
  }

  /// Checks raw input and decodes it: over `maxBytes`, holding NUL bytes or not UTF-8, or with
  /// no words, it is refused.
  public static func text(from bytes: [UInt8], id: String, maxBytes: Int = defaultMaxBytes) throws -> String {
    if bytes.count > maxBytes { throw NarrativeError.tooLarge(id: id, bytes: bytes.count, limit: maxBytes) }
    guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
      throw NarrativeError.binary(id: id)
    }
    guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
      throw NarrativeError.empty(id: id)
    }
    return text
  }

  /// Reads every summary in a text.
  public func read(_ text: String, id: String, profile: Profile? = nil) throws -> NarrativeReport {
    guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
      throw NarrativeError.empty(id: id)
    }
    let blocks = NarrativeText.blocks(text)
    let scalars = Array(text.unicodeScalars)
    var summaries: [NarrativeReport.Summary] = []
    for block in blocks {
      if let summary = try readSummary(scalars, block: block, index: summaries.count + 1, id: id) {
        summaries.append(summary)
      }
    }
    guard !summaries.isEmpty else { throw NarrativeError.empty(id: id) }
    let eligibility = profile.flatMap { profile in
      rules.credential.flatMap { pack.credential($0) }.map { EligibilityChecker(pack: pack).check($0, for: profile) }
    }
    return NarrativeReport(
      id: id, summaries: summaries, eligibility: eligibility, outline: rules.outline, outlineNote: rules.outlineNote)
  }

  private func readSummary(_ scalars: [Unicode.Scalar], block: NarrativeText.Block, index: Int, id: String) throws
    -> NarrativeReport.Summary?
  {
    let body = String(String.UnicodeScalarView(scalars[block.start..<block.end]))
    let analysis: PostingAnalysis
    do {
      analysis = try analyzer.analyze(Posting(id: "\(id) #\(index)", text: body, title: Self.neutralTitle))
    } catch PostingError.empty {
      return nil
    }
    let spans = NarrativeText.sentences(scalars, in: block.start..<block.end)
    var sentences: [NarrativeReport.Sentence] = []
    var asked: Set<String> = []
    for span in spans {
      var sentence = readSentence(scalars, span: span, analysis: analysis, bodyStart: block.start)
      sentence.questions = questions(for: sentence, asked: &asked)
      sentences.append(sentence)
    }
    let domains = rules.domains.enumerated().map { domainIndex, domain in
      let count = sentences.filter { $0.domains.contains(domain.id) }.count
      return NarrativeReport.Domain(
        id: domain.id, name: domain.name, covered: count > 0, sentences: count, question: domain.question)
    }
    let engine = NarrativeReport.Engine(
      role: analysis.fit.otherKind ?? analysis.fit.role, confidence: analysis.fit.confidence,
      isUncertain: analysis.fit.isUncertain, isHybrid: analysis.fit.isHybrid)
    let (reading, why) = decide(sentences, analysis: analysis)
    let confidence: Double
    switch reading {
    case .program: confidence = programRoles.map { analysis.share(of: $0) }.max() ?? 0
    case .project:
      confidence = pack.roles.filter { projectRoles.contains($0.id) }.map { analysis.share(of: $0.id) }.max() ?? 0
    case .unclear: confidence = analysis.fit.confidence
    }
    return NarrativeReport.Summary(
      index: index, name: block.name, start: block.start, end: block.end, reading: reading, confidence: confidence,
      engine: engine, why: why, sentences: sentences, domains: domains, warnings: analysis.warnings)
  }

  private func readSentence(
    _ scalars: [Unicode.Scalar], span: NarrativeText.Span, analysis: PostingAnalysis, bodyStart: Int
  ) -> NarrativeReport.Sentence {
    var marks: [NarrativeReport.Mark] = []
    var domains: Set<Int> = []
    for item in analysis.evidence where item.start + bodyStart >= span.start && item.end + bodyStart <= span.end {
      for domain in entryDomains[item.entry] ?? [] { domains.insert(domain) }
      let side: NarrativeRules.Side? =
        programRoles.contains(item.role) ? .program : projectRoles.contains(item.role) ? .project : nil
      guard let side else { continue }
      marks.append(
        .init(
          phrase: item.phrase, start: item.start + bodyStart, end: item.end + bodyStart, side: side,
          weight: item.weight, reason: item.reason, rule: item.entry, claim: item.claim))
    }
    let words = NarrativeWords(scalars[span.start..<span.end], spelling: spelling)
    for (index, phrases) in domainPhrases.enumerated() where !domains.contains(index) {
      if phrases.contains(where: { !words.matches($0).isEmpty }) { domains.insert(index) }
    }
    for phrases in patternPhrases {
      // A pattern counts once per sentence, at its longest phrase found.
      var best: (range: Range<Int>, pattern: Int)?
      for (phrase, pattern) in phrases {
        for range in words.matches(phrase) where range.count > best?.range.count ?? 0 { best = (range, pattern) }
      }
      guard let best else { continue }
      let pattern = rules.patterns[best.pattern]
      let start = words.words[best.range.lowerBound].start
      let end = words.words[best.range.upperBound - 1].end
      // The engine's evidence inside the same words, for the same side, counts once: the pattern
      // stands for it, with the larger of the two weights.
      let overlapping = marks.indices.filter { index in
        let mark = marks[index]
        return mark.side == pattern.side && mark.start < end && start < mark.end
          && !rules.patterns.contains { $0.id == mark.rule }
      }
      let engineWeight = overlapping.map { marks[$0].weight }.reduce(0, +)
      for index in overlapping.reversed() { marks.remove(at: index) }
      marks.append(
        .init(
          phrase: String(String.UnicodeScalarView(scalars[start..<end])), start: start, end: end, side: pattern.side,
          weight: max(pattern.weight, engineWeight), reason: pattern.reason, rule: pattern.id,
          claim: pattern.claims.first))
    }
    marks.sort { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
    let program = marks.filter { $0.side == .program }.map(\.weight).reduce(0, +)
    let project = marks.filter { $0.side == .project }.map(\.weight).reduce(0, +)
    let readsAs: NarrativeReport.ReadsAs =
      program == 0 && project == 0
      ? .neutral : abs(program - project) < 1e-9 ? .mixed : program > project ? .program : .project
    return NarrativeReport.Sentence(
      text: String(String.UnicodeScalarView(scalars[span.start..<span.end])), start: span.start, end: span.end,
      readsAs: readsAs, programWeight: program, projectWeight: project, marks: marks,
      domains: domains.sorted().map { rules.domains[$0].id }, questions: [])
  }

  /// The questions for a sentence that reads as project work or mixed: its project patterns'
  /// own questions, else the general guidance, each asked once per summary.
  private func questions(for sentence: NarrativeReport.Sentence, asked: inout Set<String>) -> [String] {
    guard sentence.readsAs == .project || sentence.readsAs == .mixed else { return [] }
    var result: [String] = []
    let projectMarks = sentence.marks.filter { $0.side == .project }
    for mark in projectMarks {
      guard let pattern = rules.patterns.first(where: { $0.id == mark.rule }) else { continue }
      for template in pattern.questions where asked.insert(template).inserted {
        result.append(template.replacingOccurrences(of: "{phrase}", with: mark.phrase))
      }
    }
    if result.isEmpty {
      let phrase = projectMarks.first?.phrase ?? sentence.text
      for template in rules.guidance where result.count < 2 && asked.insert(template).inserted {
        result.append(template.replacingOccurrences(of: "{phrase}", with: phrase))
      }
    }
    return result
  }

  /// The reading of a whole summary, and why.
  private func decide(_ sentences: [NarrativeReport.Sentence], analysis: PostingAnalysis)
    -> (NarrativeReport.Reading, String)
  {
    let program = sentences.filter { $0.readsAs == .program }.count
    let project = sentences.filter { $0.readsAs == .project }.count
    let programWeight = sentences.map(\.programWeight).reduce(0, +)
    let projectWeight = sentences.map(\.projectWeight).reduce(0, +)
    let structure = sentences.contains { sentence in
      sentence.marks.contains { mark in rules.patterns.contains { $0.id == mark.rule && $0.isStructure } }
    }
    let counts = "\(TextWrap.count(program, "sentence")) read as program work, \(project) as project work"
    if program + project < rules.minSentences {
      return (
        .unclear,
        "Not enough of either: \(counts). Say which projects the program held, how they depended on each other and what the whole delivered."
      )
    }
    if programWeight > projectWeight && (structure || !rules.programNeedsStructure) {
      return (.program, "\(counts), and it shows how several projects were run as one.")
    }
    if projectWeight > 0 && (!structure || projectWeight >= programWeight) {
      let dressed = programWeight > 0 && !structure && rules.programNeedsStructure
      return (
        .project,
        dressed
          ? "\(counts). The program words are there, but no sentence shows several projects, how they depended on each other, or a benefit measured after delivery."
          : "\(counts): it describes one piece of work's scope, schedule and budget."
      )
    }
    return (
      .unclear, "\(counts), and no sentence shows several projects run as one. Say which projects, and how they fitted."
    )
  }
}
