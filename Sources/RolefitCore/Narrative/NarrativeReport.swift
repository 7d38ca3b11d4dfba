/// What rolefit read in a candidate's experience summaries.
///
/// Per summary: whether it describes program work, project work or not enough of either,
/// sentence by sentence, the exam domains it shows, and questions for the candidate. It helps a
/// candidate write; it does not predict a panel.
public struct NarrativeReport: Sendable, Hashable {
  /// How a whole summary reads.
  public enum Reading: String, Sendable, Hashable, CaseIterable {
    case program
    case project
    /// Not enough of either to tell.
    case unclear
  }

  /// How one sentence reads.
  public enum ReadsAs: String, Sendable, Hashable {
    case program
    case project
    /// As much of one as of the other.
    case mixed
    /// Nothing in it reads either way.
    case neutral
  }

  /// A phrase that counted in a sentence: the engine's evidence or a pattern of `narrative.yaml`.
  public struct Mark: Sendable, Hashable {
    public var phrase: String
    public var start: Int
    public var end: Int
    public var side: NarrativeRules.Side
    public var weight: Double
    public var reason: String
    /// The lexicon entry or narrative pattern id.
    public var rule: String
    public var claim: String?
  }

  public struct Sentence: Sendable, Hashable {
    public var text: String
    /// Offsets in Unicode scalars into the whole input, end exclusive.
    public var start: Int
    public var end: Int
    public var readsAs: ReadsAs
    public var programWeight: Double
    public var projectWeight: Double
    public var marks: [Mark]
    /// Domain ids the sentence shows.
    public var domains: [String]
    /// Questions for the candidate, for a sentence that reads as project work (or mixed).
    public var questions: [String]
  }

  public struct Domain: Sendable, Hashable {
    public var id: String
    public var name: String
    public var covered: Bool
    /// How many sentences show it.
    public var sentences: Int
    /// What to ask when it is not covered.
    public var question: String
  }

  /// What the job-description engine alone made of the whole summary.
  public struct Engine: Sendable, Hashable {
    public var role: String
    public var confidence: Double
    public var isUncertain: Bool
    public var isHybrid: Bool
  }

  public struct Summary: Sendable, Hashable {
    /// 1-based position in the input.
    public var index: Int
    public var name: String?
    public var start: Int
    public var end: Int
    public var reading: Reading
    /// The engine's calibrated probability of the role the reading names; for `unclear`, of the
    /// role the engine leaned to.
    public var confidence: Double
    public var engine: Engine
    /// Why the reading is what it is, in one or two sentences.
    public var why: String
    public var sentences: [Sentence]
    public var domains: [Domain]
    /// Warnings about the text (replacement characters).
    public var warnings: [String]
  }

  public var id: String
  public var summaries: [Summary]
  /// The eligibility line for the credential `narrative.yaml` names, when a profile was given.
  public var eligibility: Eligibility?
  /// The exam outline versions and what the sources disagree on.
  public var outline: [NarrativeRules.OutlineVersion]
  public var outlineNote: String
}

/// Why a text could not be read as experience summaries.
public enum NarrativeError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty(id: String)
  case binary(id: String)
  case tooLarge(id: String, bytes: Int, limit: Int)
  case noRules

  public var description: String {
    switch self {
    case .empty(let id): return "\(id): no experience summary in it (the text is empty)"
    case .binary(let id): return "\(id): not text (it holds NUL bytes or is not UTF-8); give a plain-text summary"
    case .tooLarge(let id, let bytes, let limit):
      return "\(id) is \(bytes / 1024) KiB, over the \(limit / 1024) KiB limit for summaries (raise it with --max-size)"
    case .noRules:
      return "the content pack has no narrative.yaml (or no jd.yaml), so it cannot read experience summaries"
    }
  }
}
