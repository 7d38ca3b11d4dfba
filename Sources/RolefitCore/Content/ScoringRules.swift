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
  /// Confidence is multiplied by this when the answers look careless.
  public var carelessConfidenceFactor: Double

}
