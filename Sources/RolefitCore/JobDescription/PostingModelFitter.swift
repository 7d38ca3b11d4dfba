import Foundation

/// Fits a `PostingModel` to labelled postings: multinomial logistic regression over the
/// lexicon's entries, the cues and the stated title, with each entry's weights held to the
/// direction its lexicon entry gives (zero or more towards what it points to, nothing towards
/// anything else), then a temperature and a confidence calibrated on postings the weights never
/// saw.
///
/// The regularisation pulls each weight towards the lexicon's own (scaled by `priorScale`),
/// not towards zero: what the source articles say is the starting point, and a few hundred
/// postings move it only as far as they have evidence for.
///
/// Deterministic: the same postings, folds and seed give the same model, so a fitted file can
/// be reproduced from its provenance.
public struct PostingModelFitter: Sendable {
  /// One labelled posting as the fitter reads it.
  public struct Sample: Sendable {
    public var features: PostingFeatures
    /// The class index of its label.
    public var label: Int
    /// How much the posting counts in the fit: less than 1 for a label its reader was unsure of.
    public var weight: Double

    public init(features: PostingFeatures, label: Int, weight: Double = 1) {
      self.features = features
      self.label = label
      self.weight = weight
    }
  }

  public let classes: [String]
  public let entryIDs: [String]
  public let titleKeys: [String]
  public let cueIDs: [String]
  public var regularization: Double
  /// The regularisation of the title's weights, apart from the duties'.
  ///
  /// It sets how far the title may lean the verdict. A posting with no title has no title weight
  /// at all (the bias carries the base rate); a title naming both roles has its own (`dual`).
  public var titleRegularization: Double
  /// When not empty, the title's regularisation is chosen among these by an inner
  /// cross-validation of the postings being fitted (the one whose held-out probabilities, at
  /// their calibrated temperature, are most likely), and `titleRegularization` is ignored.
  public var titleRegularizationChoices: [Double]
  public var uncertainBelow: Double
  /// How much of the lexicon's own weights the regularisation pulls towards (0: towards zero).
  public var priorScale: Double
  /// The lexicon's own weights (entries, then title keys), by column and class.
  let prior: [Double]
  /// Per entry, per class: whether the entry may count towards the class.
  let allowed: [[Bool]]

  /// Columns of the design: entries, then title keys, then cues.
  var columnCount: Int { entryIDs.count + titleKeys.count + cueIDs.count }

  public init(
    pack: ContentPack, regularization: Double = 0.01, titleRegularization: Double = 0.1,
    titleRegularizationChoices: [Double] = [], priorScale: Double = defaultPriorScale, uncertainBelow: Double = 0.5
  ) {
    classes = pack.roles.map(\.id) + [JobDescriptionAnalyzer.otherID]
    entryIDs = pack.lexicon.map(\.id)
    let otherKinds = Set(pack.jobDescription?.otherKinds.map(\.id) ?? [])
    titleKeys =
      [PostingModel.dualTitle]
      + Array(Set(pack.jobDescription?.titles.map(\.implies) ?? [])).sorted()
    cueIDs = PostingModel.cueIDs.sorted()
    let classes = self.classes
    allowed = pack.lexicon.map { entry in
      let targets = Set(
        entry.weights.filter { $0.value > 0 }.keys.map { otherKinds.contains($0) ? JobDescriptionAnalyzer.otherID : $0 }
      )
      return classes.map { targets.contains($0) }
    }
    self.regularization = regularization
    self.priorScale = priorScale
    let priorModel = PostingModel.prior(for: pack)
    let zero = classes.map { _ in 0.0 }
    prior =
      entryIDs.flatMap { priorModel.entries[$0] ?? zero } + titleKeys.flatMap { priorModel.titles[$0] ?? zero }
      + cueIDs.flatMap { _ in zero }
    self.titleRegularization = titleRegularization
    self.titleRegularizationChoices = titleRegularizationChoices
    self.uncertainBelow = uncertainBelow
  }

  /// How much of the lexicon's own weights a fit starts from when none is given (and what a
  /// model file that does not say was fitted with).
  public static let defaultPriorScale = 0.3

  /// The title regularisations worth trying when none is given: from a title that barely moves
  /// the verdict to one that nearly decides it alone.
  public static let titleRegularizationGrid: [Double] = [0.003, 0.01, 0.03, 0.1, 0.3]

  /// The class index of a label: a class id, or the one class whose id starts with the label and
  /// a hyphen (`project` for `project-manager`).
  public func classIndex(of label: String) -> Int? {
    LabelledPosting.classID(named: label, among: classes).flatMap { classes.firstIndex(of: $0) }
  }

  // MARK: Fitting

  /// A sample's non-zero columns and values.
  func columns(_ features: PostingFeatures) -> [(column: Int, value: Double)] {
    var result = features.entries.map { (column: $0.key, value: $0.value) }
    if let title = titleKeys.firstIndex(of: features.titleKey) {
      result.append((entryIDs.count + title, 1))
    }
    for (cue, value) in features.cues {
      if let index = cueIDs.firstIndex(of: cue) { result.append((entryIDs.count + titleKeys.count + index, value)) }
    }
    return result.sorted { $0.column < $1.column }
  }

  /// Fitted weights: a matrix of columns by classes, and a bias per class.
  struct Weights {
    var matrix: [Double]
    var bias: [Double]
  }

  /// Fits weights to the samples (no temperature).
  func fitWeights(_ samples: [Sample]) -> Weights {
    let rows = samples.map { columns($0.features) }
    let labels = samples.map(\.label)
    let sampleWeights = samples.map(\.weight)
    let classCount = classes.count
    let size = columnCount * classCount
    let entryCount = entryIDs.count

    let titleColumns = entryCount..<(entryCount + titleKeys.count)
    let penalty = (0..<size).map { titleColumns.contains($0 / classCount) ? titleRegularization : regularization }
    let center = prior.map { $0 * priorScale }
    func project(_ theta: inout [Double]) {
      for entry in 0..<entryCount {
        for cls in 0..<classCount {
          let index = entry * classCount + cls
          theta[index] = allowed[entry][cls] ? max(0, theta[index]) : 0
        }
      }
    }
    /// The loss and its gradient at `theta` (matrix then bias).
    func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
      for index in gradient.indices { gradient[index] = 0 }
      var loss = 0.0
      var scores = [Double](repeating: 0, count: classCount)
      let count = max(sampleWeights.reduce(0, +), 1e-12)
      for ((row, label), sampleWeight) in zip(zip(rows, labels), sampleWeights) {
        for cls in 0..<classCount { scores[cls] = theta[size + cls] }
        for (column, value) in row {
          for cls in 0..<classCount { scores[cls] += theta[column * classCount + cls] * value }
        }
        let probabilities = PostingModel.softmax(scores)
        loss -= sampleWeight * log(max(probabilities[label], 1e-300)) / count
        for cls in 0..<classCount {
          let residual = sampleWeight * (probabilities[cls] - (cls == label ? 1 : 0)) / count
          gradient[size + cls] += residual
          for (column, value) in row { gradient[column * classCount + cls] += residual * value }
        }
      }
      for index in 0..<size {
        let offset = theta[index] - center[index]
        loss += penalty[index] * offset * offset
        gradient[index] += 2 * penalty[index] * offset
      }
      return loss
    }

    // FISTA: projected gradient steps with momentum and a backtracking step size.
    var theta = [Double](repeating: 0, count: size + classCount)
    var momentum = theta
    var gradient = theta
    var scratch = theta
    var lipschitz = 1.0
    var step = 1.0
    for _ in 0..<5000 {
      let value = evaluate(momentum, gradient: &gradient)
      var next = theta
      while true {
        for index in next.indices { next[index] = momentum[index] - gradient[index] / lipschitz }
        project(&next)
        var decrease = 0.0
        var distance = 0.0
        for index in next.indices {
          let delta = next[index] - momentum[index]
          decrease += gradient[index] * delta
          distance += delta * delta
        }
        if evaluate(next, gradient: &scratch) <= value + decrease + lipschitz / 2 * distance + 1e-12 { break }
        lipschitz *= 2
      }
      let nextStep = (1 + (1 + 4 * step * step).squareRoot()) / 2
      var change = 0.0
      for index in theta.indices {
        let delta = next[index] - theta[index]
        change = max(change, abs(delta))
        momentum[index] = next[index] + (step - 1) / nextStep * delta
      }
      project(&momentum)
      theta = next
      step = nextStep
      if change < 1e-7 { break }
    }
    return Weights(matrix: Array(theta[0..<size]), bias: Array(theta[size...]))
  }

  /// The class scores of a sample under fitted weights (before any temperature).
  func scores(_ weights: Weights, _ features: PostingFeatures) -> [Double] {
    var scores = weights.bias
    for (column, value) in columns(features) {
      for cls in scores.indices { scores[cls] += weights.matrix[column * classes.count + cls] * value }
    }
    return scores
  }

  /// The temperature that makes held-out scores' probabilities most likely (a grid from 0.25 to 8).
  static func temperature(scores: [[Double]], labels: [Int]) -> Double {
    var best = (temperature: 1.0, loss: Double.infinity)
    var temperature = 0.25
    while temperature <= 8 {
      var loss = 0.0
      for (row, label) in zip(scores, labels) {
        loss -= log(max(PostingModel.softmax(row, temperature: temperature)[label], 1e-300))
      }
      if loss < best.loss { best = (temperature, loss) }
      temperature *= 1.03
    }
    return best.temperature
  }

  /// Stratified folds: each label's samples shuffled by the seed and dealt round the folds.
  static func folds(labels: [Int], count: Int, seed: UInt64) -> [Int] {
    var generator = SplitMix64(seed: seed)
    var fold = [Int](repeating: 0, count: labels.count)
    var next = 0
    for label in Set(labels).sorted() {
      var members = labels.indices.filter { labels[$0] == label }
      members.shuffle(using: &generator)
      for member in members {
        fold[member] = next % count
        next += 1
      }
    }
    return fold
  }

  /// Held-out scores for every sample: each fold scored by weights fitted on the others.
  func outOfFoldScores(_ samples: [Sample], folds count: Int, seed: UInt64) -> [[Double]] {
    let fold = Self.folds(labels: samples.map(\.label), count: count, seed: seed)
    var result = [[Double]](repeating: [], count: samples.count)
    for held in 0..<count {
      let training = samples.indices.filter { fold[$0] != held }.map { samples[$0] }
      let weights = fitWeights(training)
      for index in samples.indices where fold[index] == held {
        result[index] = scores(weights, samples[index].features)
      }
    }
    return result
  }

  /// What a fit on some postings is tuned with, from held-out scores of those postings only.
  struct Tuning {
    var fitter: PostingModelFitter
    var temperature: Double
    var calibration: PostingModel.Calibration
  }

  /// The fitter to use on these samples, the temperature its held-out scores call for, and how
  /// the verdict's share at that temperature maps to how often it was right: the title
  /// regularisation chosen by an inner cross-validation when there are choices.
  func tuned(_ samples: [Sample], folds count: Int, seed: UInt64) -> Tuning {
    let labels = samples.map(\.label)
    let candidates = titleRegularizationChoices.isEmpty ? [titleRegularization] : titleRegularizationChoices
    var best: (tuning: Tuning, heldOut: [[Double]], loss: Double)?
    for candidate in candidates {
      var fitter = self
      fitter.titleRegularization = candidate
      fitter.titleRegularizationChoices = []
      let heldOut = fitter.outOfFoldScores(samples, folds: count, seed: seed)
      let temperature = Self.temperature(scores: heldOut, labels: labels)
      let loss = Self.logLoss(scores: heldOut, labels: labels, temperature: temperature)
      if best.map({ loss < $0.loss }) ?? true {
        best = (Tuning(fitter: fitter, temperature: temperature, calibration: .identity), heldOut, loss)
      }
    }
    guard var best else { return Tuning(fitter: self, temperature: 1, calibration: .identity) }
    let verdicts = best.heldOut.map { PostingModel.softmax($0, temperature: best.tuning.temperature) }
    best.tuning.calibration = Self.calibration(
      shares: verdicts.map { $0.max() ?? 0 },
      right: zip(verdicts, labels).map { PostingModel.verdict($0) == $1 })
    return best.tuning
  }

  /// The calibration that makes held-out verdicts' rightness most likely from their shares: a
  /// logistic regression of "was right" on the share's log-odds (Newton's method), held gently
  /// towards the identity so that a few postings cannot make it extreme, and never decreasing.
  public static func calibration(shares: [Double], right: [Bool]) -> PostingModel.Calibration {
    let inputs = shares.map(PostingModel.Calibration.logit)
    // One posting's worth of pull towards intercept 0 and slope 1.
    let ridge = 1.0
    var (intercept, slope) = (0.0, 1.0)
    for _ in 0..<100 {
      var (gradientA, gradientB) = (ridge * intercept, ridge * (slope - 1))
      var (hessianAA, hessianAB, hessianBB) = (ridge, 0.0, ridge)
      for (input, isRight) in zip(inputs, right) {
        let probability = 1 / (1 + exp(-(intercept + slope * input)))
        let residual = probability - (isRight ? 1 : 0)
        let curvature = probability * (1 - probability)
        gradientA += residual
        gradientB += residual * input
        hessianAA += curvature
        hessianAB += curvature * input
        hessianBB += curvature * input * input
      }
      let determinant = hessianAA * hessianBB - hessianAB * hessianAB
      guard determinant > 1e-12 else { break }
      let stepA = (hessianBB * gradientA - hessianAB * gradientB) / determinant
      let stepB = (hessianAA * gradientB - hessianAB * gradientA) / determinant
      intercept -= stepA
      slope -= stepB
      if max(abs(stepA), abs(stepB)) < 1e-10 { break }
    }
    return .init(intercept: intercept, slope: max(0, slope))
  }

  /// The negative log-likelihood of the labels under the scores' softmax at a temperature.
  static func logLoss(scores: [[Double]], labels: [Int], temperature: Double) -> Double {
    zip(scores, labels).reduce(0) { $0 - log(max(PostingModel.softmax($1.0, temperature: temperature)[$1.1], 1e-300)) }
  }

  /// One held-out posting's reading: the probabilities, and the calibrated confidence in the
  /// verdict (the class with the largest probability).
  public struct HeldOut: Sendable {
    public var probabilities: [Double]
    public var confidence: Double
  }

  /// Cross-validated readings: each fold's weights, temperature, calibration and title
  /// regularisation are fitted on the other folds only (all but the weights by an inner
  /// cross-validation), then applied to the fold.
  public func crossValidate(_ samples: [Sample], folds count: Int, seed: UInt64 = 1) -> [HeldOut] {
    let fold = Self.folds(labels: samples.map(\.label), count: count, seed: seed)
    var result = [HeldOut](repeating: .init(probabilities: [], confidence: 0), count: samples.count)
    for held in 0..<count {
      let training = samples.indices.filter { fold[$0] != held }.map { samples[$0] }
      let tuning = tuned(training, folds: count, seed: seed &+ UInt64(held) &+ 1)
      let weights = tuning.fitter.fitWeights(training)
      for index in samples.indices where fold[index] == held {
        let probabilities = PostingModel.softmax(
          tuning.fitter.scores(weights, samples[index].features), temperature: tuning.temperature)
        result[index] = .init(
          probabilities: probabilities,
          confidence: tuning.calibration.confidence(ofShare: probabilities.max() ?? 0))
      }
    }
    return result
  }

  /// The title regularisation a fit on these samples uses (chosen as `fit` chooses it).
  public func chosenTitleRegularization(_ samples: [Sample], folds count: Int, seed: UInt64 = 1) -> Double {
    tuned(samples, folds: count, seed: seed).fitter.titleRegularization
  }

  /// The model fitted on every sample, its temperature (and title regularisation, when there are
  /// choices) from a cross-validation of them.
  public func fit(_ samples: [Sample], folds count: Int, seed: UInt64 = 1, provenance: PostingModel.Provenance?)
    -> PostingModel
  {
    let tuning = tuned(samples, folds: count, seed: seed)
    let fitter = tuning.fitter
    let weights = fitter.fitWeights(samples)
    var provenance = provenance
    provenance?.titleRegularization = fitter.titleRegularization
    let classCount = classes.count
    func row(_ column: Int) -> [Double] {
      (0..<classCount).map { (weights.matrix[column * classCount + $0] * 10_000).rounded() / 10_000 }
    }
    var entries: [String: [Double]] = [:]
    for (index, id) in entryIDs.enumerated() where row(index).contains(where: { $0 != 0 }) {
      entries[id] = row(index)
    }
    var titles: [String: [Double]] = [:]
    for (index, key) in titleKeys.enumerated() { titles[key] = row(entryIDs.count + index) }
    var cues: [String: [Double]] = [:]
    for (index, id) in cueIDs.enumerated() { cues[id] = row(entryIDs.count + titleKeys.count + index) }
    return PostingModel(
      classes: classes, bias: weights.bias.map { ($0 * 10_000).rounded() / 10_000 }, titles: titles,
      entries: entries, cues: cues, temperature: (tuning.temperature * 1000).rounded() / 1000,
      uncertainBelow: uncertainBelow,
      calibration: .init(
        intercept: (tuning.calibration.intercept * 1000).rounded() / 1000,
        slope: (tuning.calibration.slope * 1000).rounded() / 1000),
      provenance: provenance)
  }
}
