import Foundation

/// The fitted weights the job-description engine decides with, from the pack's `jd-model.yaml`.
///
/// A multinomial logistic model over the classes (the pack's roles and `other`): each class's
/// score is its bias, plus the stated title's weight, plus every lexicon entry's weight times
/// how much of it the posting holds, plus the cues' weights; the probabilities are the softmax of
/// the scores divided by the temperature, which cross-validation calibrated, and the confidence
/// in the verdict is how often a verdict with its share was right on postings the weights never
/// saw (`calibration`). The weights are
/// fitted by `rolefit jd --fit` (see `PostingModelFitter`), never tuned by hand; each entry's
/// reason and source claim stay in the lexicon.
public struct PostingModel: Sendable, Hashable {
  /// Where the weights came from, and how well they did on postings they were not fitted on.
  public struct Provenance: Sendable, Hashable {
    /// The labelled postings, as named when fitting.
    public var data: String
    public var postings: Int
    /// The day of the fit, `YYYY-MM-DD`.
    public var date: String
    public var folds: Int
    public var regularization: Double
    public var titleRegularization: Double
    /// How much of the lexicon's own weights the fit was pulled towards.
    public var priorScale: Double
    /// How much a posting whose label was marked low confidence counted.
    public var lowConfidenceWeight: Double
    /// Cross-validated figures by name (`accuracy`, `high_confidence_accuracy`, `ece`...).
    public var crossValidated: [String: Double]

    public init(
      data: String, postings: Int, date: String, folds: Int, regularization: Double, titleRegularization: Double,
      priorScale: Double = PostingModelFitter.defaultPriorScale, lowConfidenceWeight: Double = 1,
      crossValidated: [String: Double]
    ) {
      self.priorScale = priorScale
      self.lowConfidenceWeight = lowConfidenceWeight
      self.data = data
      self.postings = postings
      self.date = date
      self.folds = folds
      self.regularization = regularization
      self.titleRegularization = titleRegularization
      self.crossValidated = crossValidated
    }
  }

  /// The classes in order: role ids and `other`.
  public var classes: [String]
  /// One bias per class.
  public var bias: [Double]
  /// Weights per title key (a title rule's `implies`, `dual` or `none`), one per class.
  public var titles: [String: [Double]]
  /// Weights per lexicon entry id, one per class.
  public var entries: [String: [Double]]
  /// Weights per cue (`relation`...), one per class.
  public var cues: [String: [Double]]
  /// The scores are divided by it before the softmax (fitted in cross-validation).
  public var temperature: Double
  /// Below this share of the probability the verdict is "uncertain": the duties do not settle it.
  public var uncertainBelow: Double
  /// How the verdict's share becomes the probability that the verdict is right.
  public var calibration: Calibration
  public var provenance: Provenance?

  public init(
    classes: [String], bias: [Double], titles: [String: [Double]], entries: [String: [Double]],
    cues: [String: [Double]], temperature: Double, uncertainBelow: Double, calibration: Calibration = .identity,
    provenance: Provenance?
  ) {
    self.calibration = calibration
    self.classes = classes
    self.bias = bias
    self.titles = titles
    self.entries = entries
    self.cues = cues
    self.temperature = temperature
    self.uncertainBelow = uncertainBelow
    self.provenance = provenance
  }

  /// The probability that a verdict is right, from its share of the probabilities:
  /// `1 / (1 + exp(-(intercept + slope * logit(share))))`, fitted on held-out postings.
  ///
  /// The softmax's temperature makes the whole set of probabilities as likely as it can, but the
  /// share of the leading class is not how often the verdict is right: on real postings a verdict
  /// with 45% of the probability (the rest split between two classes) was right about 60% of the
  /// time, and one with 95% about 90%. This maps the one to the other.
  public struct Calibration: Sendable, Hashable {
    public var intercept: Double
    public var slope: Double

    public init(intercept: Double, slope: Double) {
      self.intercept = intercept
      self.slope = slope
    }

    /// The share is the confidence.
    public static let identity = Calibration(intercept: 0, slope: 1)

    /// The log-odds a share is read at (kept finite at 0 and 1).
    static func logit(_ share: Double) -> Double {
      let clamped = min(max(share, 1e-6), 1 - 1e-6)
      return log(clamped / (1 - clamped))
    }

    /// The probability that a verdict holding this share of the probabilities is right.
    public func confidence(ofShare share: Double) -> Double {
      if self == .identity { return share }
      return 1 / (1 + exp(-(intercept + slope * Self.logit(share))))
    }
  }

  /// The title key when a title implies several of the classes' roles at once ("Project / Program Manager").
  public static let dualTitle = "dual"
  /// The title key when no title rule matched, or there is no title.
  public static let noTitle = "none"

  /// The class scores for a posting's features (before the temperature).
  public func scores(_ features: PostingFeatures, entryIDs: [String]) -> [Double] {
    scores(features, entryWeights: entryWeights(for: entryIDs))
  }

  /// Each entry's weights by its place in a lexicon, looked up once for a batch of postings.
  public func entryWeights(for entryIDs: [String]) -> [[Double]?] { entryIDs.map { entries[$0] } }

  /// The class scores, with the entries' weights by lexicon index (see `entryWeights(for:)`).
  public func scores(_ features: PostingFeatures, entryWeights: [[Double]?]) -> [Double] {
    var scores = bias
    if let title = titles[features.titleKey] { add(title, 1, into: &scores) }
    for (index, value) in features.entries {
      if let weights = entryWeights[index] { add(weights, value, into: &scores) }
    }
    for (cue, value) in features.cues {
      if let weights = cues[cue] { add(weights, value, into: &scores) }
    }
    return scores
  }

  /// The calibrated probabilities for a posting's features.
  public func probabilities(_ features: PostingFeatures, entryIDs: [String]) -> [Double] {
    Self.softmax(scores(features, entryIDs: entryIDs), temperature: temperature)
  }

  private func add(_ weights: [Double], _ value: Double, into scores: inout [Double]) {
    for index in scores.indices where index < weights.count { scores[index] += weights[index] * value }
  }

  /// The class a set of probabilities reads as: the most probable (the last of a tie).
  public static func verdict(_ probabilities: [Double]) -> Int? {
    probabilities.indices.max { probabilities[$0] < probabilities[$1] }
  }

  /// The softmax of `scores / temperature`, computed without overflow.
  public static func softmax(_ scores: [Double], temperature: Double = 1) -> [Double] {
    guard let top = scores.max() else { return [] }
    let exps = scores.map { exp(($0 - top) / temperature) }
    let sum = exps.reduce(0, +)
    return exps.map { $0 / sum }
  }
}

/// What the model reads of one posting: how much of each lexicon entry, the cues, and the title.
public struct PostingFeatures: Sendable, Hashable {
  /// Per lexicon entry (by its index in the pack's lexicon), the saturated amount found:
  /// `log(1 + n)` of the weighted count, so that repeats of one entry add less and less.
  public var entries: [Int: Double]
  /// Per cue id, likewise saturated.
  public var cues: [String: Double]
  /// The title key: the role or other kind the stated title implies, `dual` or `none`.
  public var titleKey: String

  public init(entries: [Int: Double] = [:], cues: [String: Double] = [:], titleKey: String = PostingModel.noTitle) {
    self.entries = entries
    self.cues = cues
    self.titleKey = titleKey
  }

  /// Raw weighted counts saturated into features.
  static func saturated(_ counts: [Int: Double]) -> [Int: Double] { counts.mapValues { log1p($0) } }
}

extension PostingModel {
  /// The cues a model may weigh: `relation`, the phrases named next to a relation cue
  /// ("reporting to the head of programme") rather than done.
  public static let cueIDs: Set<String> = ["relation"]

  /// The model of a pack with no `jd-model.yaml`: its lexicon's own weights and `title_weight`,
  /// with every kind of other role counted as `other`, no bias and no calibration.
  public static func prior(for pack: ContentPack) -> PostingModel {
    let classes = pack.roles.map(\.id) + [JobDescriptionAnalyzer.otherID]
    let otherKinds = Set(pack.jobDescription?.otherKinds.map(\.id) ?? [])
    func folded(_ weights: [String: Double]) -> [Double] {
      var vector = classes.map { _ in 0.0 }
      for (id, weight) in weights {
        let target = otherKinds.contains(id) ? JobDescriptionAnalyzer.otherID : id
        if let index = classes.firstIndex(of: target) { vector[index] += weight }
      }
      return vector
    }
    var titles: [String: [Double]] = [:]
    for rule in pack.jobDescription?.titles ?? [] {
      titles[rule.implies] = folded([rule.implies: pack.jobDescription?.titleWeight ?? 0])
    }
    return PostingModel(
      classes: classes, bias: classes.map { _ in 0 }, titles: titles,
      entries: Dictionary(pack.lexicon.map { ($0.id, folded($0.weights)) }, uniquingKeysWith: { first, _ in first }),
      cues: [:], temperature: 1, uncertainBelow: 0, calibration: .identity, provenance: nil)
  }

  /// The model a pack decides with: its fitted one, else its prior.
  public static func effective(for pack: ContentPack) -> PostingModel { pack.postingModel ?? prior(for: pack) }
}

extension PostingModel {
  /// The model as `jd-model.yaml`, with a header saying what it is and how it was made.
  public func yaml(lexicon: [LexiconEntry]) -> String {
    func number(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String((value * 10_000).rounded() / 10_000)
    }
    func weights(_ vector: [Double]) -> String {
      "{" + zip(classes, vector).filter { $0.1 != 0 }.map { "\($0.0): \(number($0.1))" }.joined(separator: ", ") + "}"
    }
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    var out = [
      "# The job-description engine's fitted weights, written by `rolefit jd --fit`: do not tune by hand,",
      "# fit again (see content/README.md). Each entry's reason and source claim are in lexicon/; an entry",
      "# counts only towards what its lexicon entry points to. Entries fitted to zero are left out.",
      "version: 1",
    ]
    if let provenance {
      out += [
        "fitted:",
        "  data: \(quoted(provenance.data))",
        "  postings: \(provenance.postings)",
        "  date: \(quoted(provenance.date))",
        "  folds: \(provenance.folds)",
        "  regularization: \(number(provenance.regularization))",
        "  title_regularization: \(number(provenance.titleRegularization))",
        "  prior_scale: \(number(provenance.priorScale))",
        "  low_confidence_weight: \(number(provenance.lowConfidenceWeight))",
        "  cross_validated: {"
          + provenance.crossValidated.sorted { $0.key < $1.key }.map { "\($0.key): \(number($0.value))" }
          .joined(separator: ", ") + "}",
      ]
    }
    out += [
      "classes: [\(classes.joined(separator: ", "))]",
      "temperature: \(number(temperature))",
      "uncertain_below: \(number(uncertainBelow))",
      "calibration: {intercept: \(number(calibration.intercept)), slope: \(number(calibration.slope))}",
      "bias: \(weights(bias))",
      "titles:",
    ]
    out += titles.sorted { $0.key < $1.key }.map { "  \($0.key): \(weights($0.value))" }
    out.append("cues:")
    out += cues.sorted { $0.key < $1.key }.map { "  \($0.key): \(weights($0.value))" }
    out.append("entries:")
    for entry in lexicon {
      if let vector = entries[entry.id] { out.append("  \(entry.id): \(weights(vector))") }
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension PostingModel {
  /// What a lexicon entry's evidence shows: the role or kind the fit weighs most, and that weight.
  ///
  /// Of the roles and kinds the entry points to, the one whose class (`other` for every other
  /// kind) has the largest fitted weight. An entry the fit left out, or weighed at zero
  /// everywhere, shows the role its lexicon entry points to most.
  public func shown(_ entry: LexiconEntry, otherKinds: Set<String>) -> (role: String, weight: Double) {
    var best = (role: entry.strongest.role, weight: 0.0)
    guard let weights = entries[entry.id] else { return best }
    // In the lexicon's order of strength, so that a tie keeps the role the lexicon put first.
    let targets = entry.weights.filter { $0.value > 0 }.sorted {
      $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
    }
    for (role, _) in targets {
      let target = otherKinds.contains(role) ? JobDescriptionAnalyzer.otherID : role
      guard let index = classes.firstIndex(of: target), index < weights.count else { continue }
      if weights[index] > best.weight { best = (role, weights[index]) }
    }
    return best
  }
}
