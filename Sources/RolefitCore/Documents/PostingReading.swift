/// A posting's reading as every format shows it, built once from an analysis.
///
/// It holds the JSON document, the verdict in words, and every counted phrase with its role's
/// names, its sentence, where its weight goes and its source by title. The terminal text, the
/// Markdown and the HTML page walk it.
public struct PostingReading: Sendable {
  public struct Share: Sendable, Hashable {
    public var role: String
    public var name: String
    public var share: Double
    /// The pack's colour for the role, if any.
    public var color: String?
    /// The role's short name (else its id), as the terminal's share line gives it.
    public var short: String
  }

  /// A phrase in its sentence: a few words before it, the phrase as written, a few words after
  /// (with "…" where the sentence goes on), so a page can mark the phrase.
  public struct Context: Sendable, Hashable {
    public var before: String
    public var phrase: String
    public var after: String
  }

  public struct Phrase: Sendable, Hashable {
    public var phrase: String
    public var start: Int
    public var end: Int
    public var role: String
    public var roleName: String
    /// The role's one-word label, as a mark in the text carries it.
    public var label: String
    public var color: String?
    public var weight: Double
    public var reason: String
    public var claim: String?
    /// The claim's text and the title of its article, or empty.
    public var source: String
    /// Where the phrase's fitted weight goes: `program +0.89`, and for a phrase in the
    /// requirements how little it counts (`program +0.89 (a requirement: counts ×0.1)`).
    public var counts: String
    /// The role's short name (else its id), as the terminal's `[phrase]{role}` mark carries it.
    public var short: String
    /// The colour the terminal marks it in: every kind of role that is not the pack's shares one.
    public var terminalColor: String?
  }

  /// What `--format json` writes.
  public var document: PostingDocument
  /// The posting's text, which the phrases' offsets count into (Unicode scalars).
  public var text: String
  /// "program manager, strong fit", or why there is no verdict.
  public var verdict: String
  /// The colour of the verdict's role (or other kind) in the terminal.
  public var verdictColor: String?
  /// The verdict's confidence, unrounded (the document's is rounded for JSON).
  public var confidence: Double
  /// What the confidence is in, when the verdict does not name one role: " that it is the
  /// program manager" after a hybrid or uncertain verdict ("the probability that the verdict is right" is
  /// then the leading role's), else empty.
  public var confidenceSubject: String
  /// The role the title names, by name; `nil` when it names none.
  public var impliedRoleName: String?
  public var shares: [Share]
  public var phrases: [Phrase]
  /// A phrase that decided the verdict, quoted in its sentence.
  public struct Reason: Sendable, Hashable {
    public var phrase: Phrase
    /// The phrase with a few words either side, on one line.
    public var context: Context
  }
  /// The phrases that decided the verdict, most first: only these are quoted in their sentence,
  /// as a long posting counts thousands of phrases.
  public var deciding: [Reason]
  /// The heading of the reasons: what decided a settled verdict, or, when the duties settle
  /// nothing (hybrid or uncertain), what pulls toward each of the two leading roles.
  public var decidingHeading: String
  /// When the duties settle nothing and the title names one of the two leading roles that no
  /// listed phrase pulls toward, the title is that pull: its words, and the role it names.
  public var titlePull: (title: String, role: String)?
  /// The phrases found that did not count, each with why in a word or two
  /// (`"steering committee" (negated)`), in the text's order: what `--evidence all` and the
  /// reports list under the phrases that counted.
  public var notCounted: [String]

  /// The reading of an analysis, worded by `words` (the pack's names and the engine's weights).
  init(_ analysis: PostingAnalysis, words: PostingRenderer) {
    let pack = words.pack
    document = PostingDocument(analysis)
    text = analysis.text
    verdict = words.verdict(analysis)
    verdictColor = words.color(analysis.fit.otherKind ?? analysis.fit.role)
    confidence = analysis.fit.confidence
    let leadingRole =
      analysis.fit.role == JobDescriptionAnalyzer.otherID
      ? "another role" : "the " + words.name(analysis.fit.role).lowercased()
    confidenceSubject =
      (analysis.fit.isHybrid || analysis.fit.isUncertain) && !analysis.evidence.isEmpty
      ? " that it is \(leadingRole)" : ""
    decidingHeading = analysis.fit.isHybrid || analysis.fit.isUncertain ? "What pulls each way" : "What decided it"
    impliedRoleName = analysis.title.impliedRole.map(words.name)
    shares = analysis.scores.map {
      Share(
        role: $0.role, name: words.name($0.role), share: $0.share, color: words.color($0.role),
        short: words.short($0.role))
    }
    // Where an entry's weight goes is the same at every match: worded once per entry, as a long
    // posting matches the same few hundred entries thousands of times.
    var counts: [EntryRole: String] = [:]
    phrases = analysis.evidence.map { item in
      let key = EntryRole(entry: item.entry, role: item.role)
      let goes = counts[key] ?? words.shares(of: item)
      counts[key] = goes
      let source = item.claim.flatMap { pack.claim($0) }.map {
        "\($0.text) (\(pack.source($0.source)?.title ?? $0.source))"
      }
      return Phrase(
        phrase: item.phrase, start: item.start, end: item.end, role: item.role, roleName: words.name(item.role),
        label: pack.role(item.role)?.short ?? pack.assessedRole(item.role)?.short ?? words.name(item.role).lowercased(),
        color: pack.role(item.role)?.color ?? (item.role == JobDescriptionAnalyzer.otherID ? nil : "yellow"),
        weight: item.weight, reason: item.reason, claim: item.claim, source: source ?? "",
        counts: goes + words.requirementNote(item),
        short: words.short(item.role), terminalColor: words.color(item.role))
    }
    notCounted = analysis.ignored.map { "\"\($0.phrase)\" (\(Self.why($0.reason)))" }
    let scalars = Array(analysis.text.unicodeScalars)
    let phrases = phrases
    deciding = analysis.deciding.filter { phrases.indices.contains($0) }.map {
      Reason(phrase: phrases[$0], context: words.context(of: analysis.evidence[$0], in: scalars))
    }
    let leading = analysis.scores.sorted { $0.share > $1.share }.prefix(2).map(\.role)
    // With no duties read there is no reading to explain: the verdict says so.
    if analysis.fit.isHybrid || analysis.fit.isUncertain, !analysis.evidence.isEmpty,
      let stated = analysis.title.stated,
      let implied = analysis.title.impliedRole, leading.contains(implied),
      !deciding.contains(where: { $0.phrase.role == implied })
    {
      titlePull = (stated, words.name(implied).lowercased())
    }
  }

  /// What `PostingRenderer.shares(of:)` reads of a phrase.
  private struct EntryRole: Hashable {
    var entry: String
    var role: String
  }

  /// Why a phrase did not count, in a word or two.
  static func why(_ reason: PostingAnalysis.Ignored.Reason) -> String {
    switch reason {
    case .negated: "negated"
    case .boilerplate: "boilerplate"
    case .related: "related"
    case .anotherKind: "another kind"
    }
  }

  /// Why a title counts as a pull, worded once for every format.
  public static let titlePullReason = "A title leans the reading toward the role it names."

}
