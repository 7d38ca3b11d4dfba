/// A job posting to analyse: its text, and optionally an id and a stated title.
public struct Posting: Sendable, Hashable {
  public var id: String
  public var text: String
  /// The title as given with the posting (an ATS export's field); else read from the text.
  public var title: String?

  public init(id: String, text: String, title: String? = nil) {
    self.id = id
    self.text = text
    self.title = title
  }
}

/// What rolefit read in a posting: the fit, the evidence, the title check and the advice.
public struct PostingAnalysis: Sendable, Hashable {
  /// A matched phrase: where it stands, and (read through to its `Meaning`) what it counts for.
  @dynamicMemberLookup
  public struct Evidence: Sendable, Hashable {
    /// What every match of one lexicon entry says alike: its role, weights, reason and claim.
    public struct Meaning: Sendable, Hashable {
      /// The role or other kind it counts for most.
      public var role: String
      public var weight: Double
      public var weights: [String: Double]
      public var reason: String
      public var claim: String?
      public var entry: String
      public var kind: String
    }

    /// One entry's meaning, held once and shared by all its matches: a batch makes millions of
    /// evidence items, and copying six strings and a dictionary with each one was a tenth of
    /// the work.
    final class SharedMeaning: Sendable {
      let meaning: Meaning
      /// The meaning as JSON, around the phrase and offsets each match writes.
      let json: PostingRenderer.EvidenceJSON

      init(_ meaning: Meaning) {
        self.meaning = meaning
        json = .init(claim: meaning.claim, reason: meaning.reason, role: meaning.role, weight: meaning.weight)
      }
    }

    public var phrase: String
    /// Offsets in Unicode scalars into the text as read, end exclusive.
    public var start: Int
    public var end: Int
    /// Whether it stands in what a candidate must bring (a requirements section, or a sentence
    /// with a requirement cue): it then counts for the content's requirements weight of a duty.
    public var isRequirement = false
    private(set) var shared: SharedMeaning
    /// The entry's place in the lexicon of the pack that found it, or -1 (also once the item's
    /// meaning is changed): the engine's per-entry tables (the model's weights, the checks an
    /// entry meets) are read by it.
    var entryIndex = -1

    init(
      phrase: String, start: Int, end: Int, role: String, weight: Double, weights: [String: Double],
      reason: String, claim: String?, entry: String, kind: String, entryIndex: Int = -1
    ) {
      self.init(
        phrase: phrase, start: start, end: end,
        meaning: SharedMeaning(
          Meaning(
            role: role, weight: weight, weights: weights, reason: reason, claim: claim, entry: entry, kind: kind)),
        entryIndex: entryIndex)
    }

    /// A match of an entry whose meaning is already made.
    init(phrase: String, start: Int, end: Int, meaning: SharedMeaning, entryIndex: Int, isRequirement: Bool = false) {
      (self.phrase, self.start, self.end, shared, self.entryIndex) = (phrase, start, end, meaning, entryIndex)
      self.isRequirement = isRequirement
    }

    /// A field of the meaning (`item.role`, `item.reason`); setting one changes this item's
    /// meaning alone, never the other matches', and the item stops standing for its entry.
    public subscript<Value>(dynamicMember field: WritableKeyPath<Meaning, Value>) -> Value {
      get { shared.meaning[keyPath: field] }
      set {
        var meaning = shared.meaning
        meaning[keyPath: field] = newValue
        shared = SharedMeaning(meaning)
        entryIndex = -1
      }
    }

    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
      lhs.phrase == rhs.phrase && lhs.start == rhs.start && lhs.end == rhs.end && lhs.entryIndex == rhs.entryIndex
        && lhs.isRequirement == rhs.isRequirement
        && (lhs.shared === rhs.shared || lhs.shared.meaning == rhs.shared.meaning)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(phrase)
      hasher.combine(start)
      hasher.combine(end)
      hasher.combine(entryIndex)
      hasher.combine(isRequirement)
      hasher.combine(shared.meaning)
    }
  }

  /// A phrase that was found but does not count, and why.
  public struct Ignored: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
      case negated
      case boilerplate
      /// Named next to a relation cue ("reporting to the head of programme"): related to, not done.
      case related
      /// A phrase that points only to a kind of other role besides the posting's leading one
      /// ("BAU" in a posting whose other-role phrases are mostly account work): what a broad role
      /// touches, not what it is.
      case anotherKind = "another-kind"
    }
    public var phrase: String
    public var start: Int
    public var end: Int
    public var entry: String
    public var reason: Reason
  }

  /// The stated title and what it implies.
  public struct Title: Sendable, Hashable {
    public var stated: String?
    /// The role or other kind the title implies, if a title rule matched.
    public var impliedRole: String?
    /// Whether title and duties disagree.
    public var mismatch: Bool
    /// Whether the title names two of the pack's roles ("Project / Program Manager"): it then
    /// implies neither.
    public var isDual = false
  }

  /// The verdict: a role id, or `other` with the kind of other role.
  public struct Fit: Sendable, Hashable {
    public var role: String
    public var otherKind: String?
    public var band: String
    public var confidence: Double
    public var topShare: Double
    public var isHybrid: Bool
    /// Whether the leading role's probability is below the model's threshold: the duties do not
    /// settle it.
    public var isUncertain = false
  }

  /// A linter-style recommendation.
  public struct Recommendation: Sendable, Hashable {
    public var id: String
    /// `error`, `warning` or `info`.
    public var severity: String
    public var message: String
    public var fix: String
  }

  public var id: String
  public var title: Title
  public var fit: Fit
  /// Shares of the pack's roles and `other`, summing to 1.
  public var scores: [(role: String, share: Double)]
  /// How the `other` share divides among the other kinds.
  public var otherKinds: [String: Double]
  /// The kind of other role the evidence names, if it names one: the leading kind, when the title
  /// names it or enough of its phrases were counted (`other_kinds.named_from`).
  public var namedOtherKind: String?
  public var evidence: [Evidence]
  /// The evidence that decided the verdict, most first (indices into `evidence`, one per entry);
  /// when the duties settle nothing (hybrid or uncertain), what pulls toward each of the two
  /// leading roles, in turn.
  public var deciding: [Int] = []
  public var ignored: [Ignored]
  public var recommendations: [Recommendation]
  /// Problems with the input itself (replacement characters, empty text).
  public var warnings: [String]
  /// The text as analysed, for highlighting.
  public var text: String

  public static func == (lhs: PostingAnalysis, rhs: PostingAnalysis) -> Bool {
    lhs.id == rhs.id && lhs.title == rhs.title && lhs.fit == rhs.fit && lhs.evidence == rhs.evidence
      && lhs.scores.map(\.role) == rhs.scores.map(\.role) && lhs.scores.map(\.share) == rhs.scores.map(\.share)
      && lhs.recommendations == rhs.recommendations && lhs.ignored == rhs.ignored
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(fit)
    hasher.combine(evidence)
  }

  /// The share of a role or `other`.
  public func share(of role: String) -> Double { scores.first { $0.role == role }?.share ?? 0 }
}

/// Why a posting could not be analysed at all.
public enum PostingError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty(id: String)
  case tooLarge(id: String, bytes: Int, limit: Int)
  case noRules

  public var description: String {
    switch self {
    case .empty(let id): return "no job-description text in \(id)"
    case .tooLarge(let id, let bytes, let limit):
      return
        "\(id) is \(bytes / 1024) KiB, over the \(limit / 1024) KiB limit for one posting (raise it with --max-size)"
    case .noRules: return "the content pack has no jd.yaml, so it cannot read job descriptions"
    }
  }
}
