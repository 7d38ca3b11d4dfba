/// The range of every number a content pack may hold.
///
/// The parser refuses a number outside its range with the file, line and column, so `content
/// lint` reports it and no command uses it: a negative count, a weight of `1e308` or a billion
/// resamples never reach scoring. content/README.md lists the same ranges for pack authors.
enum PackRanges {
  /// `version` in every file.
  static let formatVersion = 1...1_000
  /// `freshness_months` in pack.yaml.
  static let freshnessMonths = 1...600
  /// A Likert point's `value`, a band's `min_share`, `full_coverage`, `discuss_above` and
  /// `careless_confidence_factor`: shares.
  static let share = 0.0...1.0
  /// `full_coverage`: a share of the scored questions, above zero.
  static let coverage = 0.01...1.0
  /// `resamples` in pack.yaml and jd.yaml: the bootstrap's cost grows with it.
  static let resamples = 1...100_000
  /// `evidence_count`: how many answers a result cites.
  static let evidenceCount = 0...1_000
  /// The response-style counts (`min_likert_for_straightline`, `min_forced_for_one_side`,
  /// `min_timed_answers`).
  static let answerCount = 0...10_000
  /// `min_seconds_per_answer`.
  static let secondsPerAnswer = 0.0...3_600.0
  /// Every weight: option, Likert key, range and lexicon weights, `title_weight`.
  static let weight = 0.0...100.0
  /// A number question's `min`, `max` and its ranges' `max`.
  static let answerNumber = -1_000_000_000.0...1_000_000_000.0
  /// Months of experience a credential route asks for.
  static let months = 0...1_200
  /// A credential's `within_years`.
  static let years = 1...100
  /// A credential's `training_hours`.
  static let trainingHours = 0.0...100_000.0
  /// jd.yaml's negation `window`, in words.
  static let negationWindow = 0...100
  /// `unclear.below_evidence`: an evidence share, where above 1 makes every result unclear.
  static let unclearEvidence = 0.0...10.0
  /// jd.yaml's `structure` windows (relation cues, quantified scope), in words.
  static let structureWindow = 0...12
  /// jd.yaml's `other_kinds.named_from`: how many of a kind's phrases name it (at least one).
  static let kindNamedFrom = 1...100
  /// jd-model.yaml's `temperature`.
  static let temperature = 0.05...20.0
  /// `jd-model.yaml`'s confidence calibration: a slope of 0 says every verdict is equally likely
  /// right; one below 1 that the shares overstate how far apart verdicts are.
  static let calibrationIntercept = -10.0...10.0
  static let calibrationSlope = 0.0...10.0
  /// A fitted model's weights, bias and title weights (signed).
  static let modelWeight = -100.0...100.0
  /// jd.yaml's `full_evidence`.
  static let fullEvidence = 0.1...1_000_000.0
  /// An agenda's or a section's `minutes`.
  static let minutes = 1...1_440
}
