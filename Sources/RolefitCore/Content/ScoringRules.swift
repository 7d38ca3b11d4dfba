/// The pack's scoring parameters: bands, confidence and response-style checks.
public struct ScoringRules: Sendable, Hashable {
  /// A band, chosen by the top role's share of the top two roles' combined score.
  public struct Band: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var minShare: Double
  }

  /// Bands from the strongest down; the first whose `minShare` is reached applies.
  public var bands: [Band]
  /// How many resamples measure the result's stability.
  public var resamples: Int
  /// The share of scored questions answered at which coverage stops lowering confidence.
  public var fullCoverage: Double
  /// How many answers to show as evidence.
  public var evidenceCount: Int
  public var responseStyle: ResponseStyleRules
  /// The verdict given instead of a band when too little of the answers speaks for any role.
  public var unclear: Unclear?

  /// How fast people read and answer, for the time estimates shown.
  public var reading = Reading()

  /// When the short adaptive form stops.
  public var shortForm = ShortFormRules()

  /// The short form's rules.
  public struct ShortFormRules: Sendable, Hashable {
    /// It asks at least this many scored questions.
    public var minQuestions = 6
    /// It stops once resampling reproduces the verdict at least this often.
    public var stopStability = 0.9
    /// Roles whose share is within this of the leader's are still in play.
    public var inPlayMargin = 0.15
  }

  /// Reading speed and time to choose, for honest time estimates.
  public struct Reading: Sendable, Hashable {
    public var wordsPerMinute: Double = 200
    public var secondsPerAnswer: Double = 5
  }

  /// "No clear role": the answers' evidence strength is under `belowEvidence`.
  public struct Unclear: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The evidence strength (0 to 1) under which no role is named.
    public var belowEvidence: Double
  }

  /// The band for a top-of-two share.
  public func band(forShare share: Double) -> Band {
    bands.first { share >= $0.minShare - 1e-12 } ?? bands[bands.count - 1]
  }

}
/// Thresholds for spotting careless answering.
public struct ResponseStyleRules: Sendable, Hashable {
  /// At least this many Likert answers, all the same point, is straight-lining.
  public var minLikertForStraightline: Int
  /// At least this many forced choices, all on the same side (a or b), is one-sided.
  public var minForcedForOneSide: Int
  /// A median below this many seconds per answer is too fast to have read the questions.
  public var minSecondsPerAnswer: Double
  /// How many timed answers the speed check needs.
  public var minTimedAnswers: Int
  /// Confidence is multiplied by this once for every response-quality problem found.
  public var carelessConfidenceFactor: Double
  /// How many choice answers the pattern checks (same position, longest, most strategic) need.
  public var minPatternAnswers: Int = 8
  /// The share of those answers that must follow a pattern for it to be flagged.
  public var patternShare: Double = 0.9
  /// Words that make an option sound strategic; always picking the option with the most is flagged.
  public var strategyWords: [String] = []
  /// Roles whose scope a person with no management months is unlikely to have.
  public var seniorRoles: [String] = []
  /// Paired questions answered for different roles at least this many times are flagged.
  public var minInconsistentPairs: Int = 2

}
