/// A weighted phrase group of the job-description lexicon.
public struct LexiconEntry: Sendable, Hashable, Identifiable {
  public var id: String
  /// What the phrases name: `responsibility`, `metric`, `tool`, `certification`, ...
  public var kind: String
  /// Weight per role id or other-kind id.
  public var weights: [String: Double]
  /// The phrases as written (American spelling; a trailing `*` is a prefix match).
  public var phrases: [String]
  /// Why the phrases count, shown with each match.
  public var reason: String
  public var claims: [String]
  /// For a certification, the credentials (`credentials.yaml` ids) its phrases name: a posting
  /// that asks for one of those its duties call for is not told it asks for the wrong one.
  public var credentials: [String] = []
  public var location: SourceLocation

  /// The role or other kind the phrases count for most (on a tie, the first by id), and its weight.
  public var strongest: (role: String, weight: Double) {
    let top = weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
    return (top?.key ?? "", top?.value ?? 0)
  }
}

/// The job-description engine's rules, from `jd.yaml`.
public struct JobDescriptionRules: Sendable, Hashable {
  /// A kind of role that is neither of the pack's roles; all of them count as `other`.
  public struct OtherKind: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var title: String
  }

  /// How a stated title maps to a role or other kind.
  public struct TitleRule: Sendable, Hashable {
    public var phrases: [String]
    public var implies: String
  }

  /// What a posting for a role should state.
  public struct RoleAdvice: Sendable, Hashable {
    public var title: String
    public var kpis: [String]
    public var certifications: [String]
    public var claims: [String]
  }

  /// Something a good posting states; missing, it becomes a recommendation.
  public struct Check: Sendable, Hashable, Identifiable {
    public var id: String
    public var severity: String
    public var message: String
    /// The fix, with `{kpis}` and `{title}` filled in for the posting's role.
    public var fix: String
    public var kinds: [String]
    public var phrases: [String]
    /// Lexicon entries whose evidence also satisfies the check, whatever their kind (benefits
    /// realisation is a success measure as well as a duty).
    public var entries: [String] = []
  }

  /// How a posting's structure weighs what it says.
  public struct Structure: Sendable, Hashable {
    /// Headings of the requirements and qualifications: what a candidate must bring, not what the
    /// role does.
    public var requirementHeadings: [String] = []
    /// Phrases that make one sentence a requirement wherever it stands ("years of experience",
    /// "preferred").
    public var requirementCues: [String] = []
    /// How much a requirement counts against a duty (0-1).
    public var requirementWeight: Double = 1
    /// Phrases that relate the role to work it does not own ("reporting to", "supporting",
    /// "work closely with"): a phrase just after one is named, not done.
    public var relationCues: [String] = []
    /// How many words may stand between a relation cue and the phrase it relates to.
    public var relationWindow: Int = 0
    /// How far, in words, a list of what a relation cue relates to runs on past a comma
    /// ("collaborate with design, program management, manufacturing and test teams"); 0: it does not.
    public var relationListWindow: Int = 0
    /// Words that end such a list: what follows says what the role does ("to ...").
    public var relationListEnds: [String] = []
    /// Quantified scope: a quantifier ("multiple", "several") and, a few words on in the same
    /// sentence, a noun ("projects") count as the lexicon entry named.
    public var quantifiers: [String] = []
    public var scopeNouns: [String] = []
    public var quantifierWindow: Int = 0
    public var quantifiedEntry: String?
    /// Phrases that make the role lead the people named just after them ("mentor", "a team of"):
    /// a role's name ("project managers") a few words after one, in the same clause, is people the
    /// role leads, and counts as the lexicon reads it, where a name alone is set aside.
    public var peopleLedCues: [String] = []
    /// How many words may stand between such a cue and the role's name.
    public var peopleLedWindow: Int = 0
    /// Words that, between such a cue and the name, mean the cue governs something else
    /// ("develop plans with project managers").
    public var peopleLedBreaks: [String] = []
    /// Whether only the leading kind of other role counts: the phrases of every other kind of
    /// other role are set aside, as what a broad role touches rather than what it is.
    public var onlyLeadingOtherKind = false
    /// How many of its phrases an `other` verdict needs counted to name the leading kind, unless
    /// the title names it: with fewer, it says "another role" (one phrase never names a kind).
    public var kindNamedFrom = 1

    public init() {}
  }

  public var otherKinds: [OtherKind]
  /// British to American spellings, applied to words before matching.
  public var spelling: [String: String]
  public var negationCues: [String]
  public var negationWindow: Int
  /// Words that, as the whole value of a field after the phrase ("Volunteers managed: Nil",
  /// "Direct reports: none"), say there is none of it.
  public var emptyValues: [String] = []
  /// Words that, right after a negation cue, make it affirm what follows ("not only", "not just",
  /// "not limited to"): the cue then negates nothing.
  public var negationAffirming: [String] = []
  public var boilerplateHeadings: [String]
  public var boilerplatePhrases: [String]
  /// Headings that start the posting's own sections ("The role", "Responsibilities"); they end
  /// a boilerplate section even when written as a plain short line.
  public var sectionHeadings: [String]
  public var titles: [TitleRule]
  /// The yardstick of `jd --cross-validate`, never part of a reading.
  ///
  /// A title read by its words alone: the first rule whose word it holds (`phrases` are single words).
  public var titleWords: [TitleRule] = []
  public var titleWeight: Double
  /// The evidence weight at which a posting's confidence stops being scaled down for thin evidence.
  public var fullEvidence: Double
  /// How many bootstrap resamples measure a posting's stability (fewer than the assessment's:
  /// postings come in batches of thousands).
  public var resamples: Int
  /// Advice per role id.
  public var advice: [String: RoleAdvice]
  public var checks: [Check]
  public var structure = Structure()
}

/// A `clarify` question about a role to be filled, whose options add duty sentences.
public struct ClarifyQuestion: Sendable, Hashable, Identifiable {
  /// One answer and the duty sentence it adds to the drafted posting.
  public struct Option: Sendable, Hashable, Identifiable {
    public var id: String
    public var text: String
    public var duty: String
  }

  public var id: String
  public var text: String
  public var options: [Option]
}

extension JobDescriptionRules {
  /// The kind of other role with the most weight among `totals`; on a tie `preferred` (the kind
  /// the posting's title names: the employer said which role it is), else the one `jd.yaml` lists
  /// first, so the answer never depends on a dictionary's order.
  public func leadingOtherKind(_ totals: [String: Double], preferring preferred: String? = nil) -> String? {
    var best: (id: String, weight: Double)?
    for kind in otherKinds {
      guard let weight = totals[kind.id] else { continue }
      if weight > best?.weight ?? -.infinity || (weight == best?.weight && kind.id == preferred) {
        best = (kind.id, weight)
      }
    }
    return best?.id
  }
}
