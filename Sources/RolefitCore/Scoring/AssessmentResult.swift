/// The outcome of scoring an assessment: fit, per-area breakdown, evidence, edges and warnings.
public struct AssessmentResult: Sendable, Hashable {
  /// The fit: the leading role, its band and the confidence in it.
  public struct Fit: Sendable, Hashable {
    public var role: String
    public var band: String
    public var bandName: String
    /// How sure the result is, in [0, 1]: stability under resampling times coverage, lowered
    /// for every response-quality problem and when the evidence is thin.
    public var confidence: Double
    /// The leading role's share of the top two roles' combined score.
    public var topShare: Double
    /// Whether the band is the pack's last (balanced) band.
    public var isHybrid: Bool
    /// Whether too little of the answers speaks for any role to name one (the pack's `unclear`).
    public var isUnclear: Bool = false
  }

  /// One area's shares.
  public struct AreaScore: Sendable, Hashable {
    public var area: String
    public var shares: [String: Double]
    public var answered: Int
    public var total: Int
  }

  /// An answer that moved the result, with the source statements it rests on.
  public struct Evidence: Sendable, Hashable {
    public var question: String
    public var questionText: String
    public var answer: String
    /// The role this answer pointed to.
    public var towards: String
    /// How far it pushed towards that role compared with a neutral answer, in weight points.
    public var impact: Double
    public var claims: [String]
  }

  /// One answer changed in a "what would change it" scenario.
  public struct Change: Sendable, Hashable {
    public var question: String
    public var questionText: String
    public var from: AnswerValue
    public var to: AnswerValue
    /// The person's answer, in the option's words.
    public var fromText: String
    /// The answer that would change the result, in the option's words.
    public var toText: String
  }

  /// The fewest changed answers found that change the result, and what it would become.
  public struct Edge: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
      /// The band changes (say strong to leaning) but the same role leads.
      case band
      /// Another role leads.
      case role
    }
    public var kind: Kind
    public var changes: [Change]
    public var newRole: String
    public var newBand: String
  }

  /// A sign that the answers may not reflect the person's work.
  public struct Warning: Sendable, Hashable {
    public var id: String
    public var message: String
  }

  public var fit: Fit
  /// Each role's share of the total score, in the pack's role order; they sum to 1.
  public var scores: [(role: String, share: Double)]
  public var areas: [AreaScore]
  public var evidence: [Evidence]
  public var edges: [Edge]
  public var warnings: [Warning]
  public var answeredScored: Int
  public var totalScored: Int
  /// The fraction of resamples that gave the same verdict.
  public var stability: Double
  /// How much of the answers speaks for any role, in [0, 1] (see `Scorer`).
  public var evidenceStrength: Double
  /// The track scored: current work, or preferences for people not managing work yet.
  public var track: AssessmentTrack

  /// The share of a role.
  public func share(of role: String) -> Double { scores.first { $0.role == role }?.share ?? 0 }

  public static func == (lhs: AssessmentResult, rhs: AssessmentResult) -> Bool {
    lhs.fit == rhs.fit && lhs.scores.map(\.role) == rhs.scores.map(\.role)
      && lhs.scores.map(\.share) == rhs.scores.map(\.share) && lhs.areas == rhs.areas
      && lhs.evidence == rhs.evidence && lhs.edges == rhs.edges && lhs.warnings == rhs.warnings
      && lhs.answeredScored == rhs.answeredScored && lhs.totalScored == rhs.totalScored
      && lhs.stability == rhs.stability && lhs.evidenceStrength == rhs.evidenceStrength && lhs.track == rhs.track
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(fit)
    for score in scores {
      hasher.combine(score.role)
      hasher.combine(score.share)
    }
  }
}
