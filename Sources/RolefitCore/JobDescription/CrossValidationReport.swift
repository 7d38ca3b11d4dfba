import Foundation

/// How well cross-validated readings agree with labels: overall, per label, per sector, on the
/// labels marked high-confidence, next to what the title alone says (its words, as a list of
/// titles is skimmed, and rolefit's own title rules with no duties), and how well the stated
/// confidence matches how often it is right (calibration).
public struct CrossValidationReport: Sendable {
  /// One held-out posting.
  public struct Item: Sendable {
    public var id: String
    public var label: Int
    public var probabilities: [Double]
    /// The stated confidence in the verdict: the probability that it is right.
    public var confidence: Double
    /// The class rolefit's title rules read in the stated title alone (`nil` when none).
    public var titleClass: Int?
    /// The class the title's words alone name (`jd.yaml` `title_words`; `nil` when none).
    public var titleWordsClass: Int?
    public var sector: String?
    /// The label's own confidence (`high` or `low`), when the data gives one.
    public var labelConfidence: String?

    /// `confidence` defaults to the verdict's probability.
    public init(
      id: String, label: Int, probabilities: [Double], confidence: Double? = nil, titleClass: Int?,
      titleWordsClass: Int? = nil, sector: String?, labelConfidence: String?
    ) {
      self.id = id
      self.label = label
      self.probabilities = probabilities
      self.confidence = confidence ?? probabilities.max() ?? 0
      self.titleClass = titleClass
      self.titleWordsClass = titleWordsClass
      self.sector = sector
      self.labelConfidence = labelConfidence
    }

    public var predicted: Int { PostingModel.verdict(probabilities) ?? 0 }
  }

  public var classes: [String]
  public var items: [Item]
  public var folds: Int
  /// The class a title that implies none of them is read as, for the title-alone baselines.
  public var titleDefault: Int
  /// Whether the pack has title words to read (`jd.yaml` `title_words`); without them that
  /// baseline is not shown.
  public var hasTitleWords: Bool

  public init(classes: [String], items: [Item], folds: Int, titleDefault: Int, hasTitleWords: Bool = true) {
    self.classes = classes
    self.items = items
    self.folds = folds
    self.titleDefault = titleDefault
    self.hasTitleWords = hasTitleWords
  }

  func accuracy(_ subset: [Item]) -> Double? {
    share(subset) { $0.predicted == $0.label }
  }

  /// How often the title rules alone are right.
  func titleAccuracy(_ subset: [Item]) -> Double? {
    share(subset) { ($0.titleClass ?? titleDefault) == $0.label }
  }

  /// How often the title's words alone are right.
  func titleWordsAccuracy(_ subset: [Item]) -> Double? {
    hasTitleWords ? share(subset) { ($0.titleWordsClass ?? titleDefault) == $0.label } : nil
  }

  private func share(_ subset: [Item], _ isRight: (Item) -> Bool) -> Double? {
    subset.isEmpty ? nil : Double(subset.filter(isRight).count) / Double(subset.count)
  }

  public var accuracy: Double { accuracy(items) ?? 0 }
  public var titleAccuracy: Double { titleAccuracy(items) ?? 0 }
  public var titleWordsAccuracy: Double? { titleWordsAccuracy(items) }
  public var highConfidenceAccuracy: Double? { accuracy(items.filter { $0.labelConfidence == "high" }) }

  public func recall(_ label: Int) -> Double? { accuracy(items.filter { $0.label == label }) }

  public func precision(_ label: Int) -> Double? {
    let predicted = items.filter { $0.predicted == label }
    return predicted.isEmpty ? nil : Double(predicted.filter { $0.label == label }.count) / Double(predicted.count)
  }

  /// Confidence bins of a tenth: count, mean confidence, accuracy.
  public var calibration: [(range: Range<Double>, count: Int, confidence: Double, accuracy: Double)] {
    (0..<10).compactMap { bin in
      let range = Double(bin) / 10..<Double(bin + 1) / 10 + (bin == 9 ? 1e-9 : 0)
      let members = items.filter { range.contains($0.confidence) }
      guard !members.isEmpty else { return nil }
      let confidence = members.map(\.confidence).reduce(0, +) / Double(members.count)
      return (range, members.count, confidence, accuracy(members) ?? 0)
    }
  }

  /// The expected calibration error: the count-weighted gap between confidence and accuracy.
  public var expectedCalibrationError: Double {
    guard !items.isEmpty else { return 0 }
    return calibration.reduce(0) { $0 + Double($1.count) * abs($1.confidence - $1.accuracy) } / Double(items.count)
  }

  /// The plain-text report.
  public func text() -> String {
    let percent = { (value: Double?) in value.map(TextWrap.percent) ?? "-" }
    func row(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, cell in
        let width = index == 0 ? 26 : 14
        return cell.count >= width ? cell + " " : cell.padding(toLength: width, withPad: " ", startingAt: 0)
      }
      var line = padded.joined()
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
    var out = [
      "Cross-validated on \(items.count) postings (\(folds) folds, stratified by label; every figure is on held-out folds)",
      "",
      "title words: the role the title's words name (jd.yaml title_words), as a list of titles is skimmed;",
      "title rules: rolefit's reading of the title (jd.yaml titles) with no duties",
      "",
      row(["", "rolefit", "title words", "title rules", "postings"]),
    ]
    func figures(_ name: String, _ members: [Item]) -> String {
      row([
        name, percent(accuracy(members)), percent(titleWordsAccuracy(members)), percent(titleAccuracy(members)),
        "\(members.count)",
      ])
    }
    out.append(figures("accuracy", items))
    out.append(
      String(
        format: "  (to a tenth: %.1f%%, %@, %.1f%%)", 100 * accuracy,
        titleWordsAccuracy.map { String(format: "%.1f%%", 100 * $0) } ?? "-", 100 * titleAccuracy))
    let high = items.filter { $0.labelConfidence == "high" }
    if !high.isEmpty { out.append(figures("high-confidence labels", high)) }
    for sector in Set(items.compactMap(\.sector)).sorted() {
      out.append(figures("sector \(sector)", items.filter { $0.sector == sector }))
    }
    out += ["", row(["label", "precision", "recall", "title words", "title rules", "postings"])]
    for (index, label) in classes.enumerated() {
      let members = items.filter { $0.label == index }
      out.append(
        row([
          label, percent(precision(index)), percent(recall(index)), percent(titleWordsAccuracy(members)),
          percent(titleAccuracy(members)), "\(members.count)",
        ]))
    }
    out += ["", "confusion (rows: label, columns: read as)", row([""] + classes)]
    for (index, label) in classes.enumerated() {
      out.append(
        row(
          [label]
            + classes.indices.map { predicted in
              "\(items.filter { $0.label == index && $0.predicted == predicted }.count)"
            }))
    }
    out += [
      "", "calibration (confidence stated against how often it was right)",
      row(["confidence", "postings", "stated", "right"]),
    ]
    for bin in calibration {
      out.append(
        row([
          String(format: "%.1f-%.1f", bin.range.lowerBound, min(1, bin.range.upperBound)), "\(bin.count)",
          percent(bin.confidence), percent(bin.accuracy),
        ]))
    }
    out.append(String(format: "expected calibration error %.3f", expectedCalibrationError))
    let misses = items.filter { $0.predicted != $0.label }
    if !misses.isEmpty {
      out += ["", "misread:"]
      for item in misses {
        out.append(
          "  \(item.id): \(classes[item.label]) read as \(classes[item.predicted]) (\(String(format: "%.2f", item.confidence)))"
        )
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The headline figures, for a fitted model's provenance.
  public var figures: [String: Double] {
    var figures = [
      "accuracy": accuracy, "title_rules_accuracy": titleAccuracy,
      "expected_calibration_error": expectedCalibrationError,
    ]
    if let high = highConfidenceAccuracy { figures["high_confidence_accuracy"] = high }
    if let words = titleWordsAccuracy { figures["title_words_accuracy"] = words }
    for (index, label) in classes.enumerated() { figures["recall_\(label)"] = recall(index) ?? 0 }
    return figures.mapValues { ($0 * 1000).rounded() / 1000 }
  }
}
