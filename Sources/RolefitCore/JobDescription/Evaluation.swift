import Foundation

/// Accuracy of the job-description engine against labelled postings.
public struct Evaluation: Sendable {
  /// The labels in a stable order: the pack's roles, then `other`, then any other label seen.
  public private(set) var labels: [String]
  /// The counts, as `counts[actual][predicted]`.
  ///
  public private(set) var counts: [String: [String: Int]] = [:]
  /// The postings that were misclassified: id, actual, predicted.
  public private(set) var misses: [(id: String, actual: String, predicted: String)] = []

  /// The classes the engine reads as, which a label may name by its first word.
  private let classes: [String]

  public init(labels: [String]) {
    self.labels = labels
    classes = labels
  }

  /// Counts one posting; a label that names a class by its first word (`project`) counts as
  /// that class (`project-manager`).
  public mutating func add(id: String, actual label: String, predicted: String) {
    let actual = LabelledPosting.classID(named: label, among: classes) ?? label
    for label in [actual, predicted] where !labels.contains(label) { labels.append(label) }
    counts[actual, default: [:]][predicted, default: 0] += 1
    if actual != predicted { misses.append((id, actual, predicted)) }
  }

  public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
  public var correct: Int { labels.reduce(0) { $0 + (counts[$1]?[$1] ?? 0) } }
  public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

  public func count(actual: String, predicted: String) -> Int { counts[actual]?[predicted] ?? 0 }

  /// Of the postings predicted as `label`, the share that were.
  public func precision(_ label: String) -> Double? {
    let predicted = labels.reduce(0) { $0 + count(actual: $1, predicted: label) }
    return predicted == 0 ? nil : Double(count(actual: label, predicted: label)) / Double(predicted)
  }

  /// Of the postings that were `label`, the share predicted so.
  public func recall(_ label: String) -> Double? {
    let actual = counts[label]?.values.reduce(0, +) ?? 0
    return actual == 0 ? nil : Double(count(actual: label, predicted: label)) / Double(actual)
  }

  /// A plain-text report: accuracy, per-label precision and recall, the confusion matrix, the misses.
  public func report() -> String {
    var out = ["accuracy \(TextWrap.percent(accuracy)) (\(correct) of \(total))", ""]
    let width = max(16, (labels.map(\.count).max() ?? 0) + 2)
    func cell(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
    out.append(cell("label") + cell("precision") + cell("recall") + "count")
    for label in labels {
      let precision = precision(label).map(TextWrap.percent) ?? "-"
      let recall = recall(label).map(TextWrap.percent) ?? "-"
      out.append(cell(label) + cell(precision) + cell(recall) + "\(counts[label]?.values.reduce(0, +) ?? 0)")
    }
    out.append("")
    out.append("confusion (rows: actual, columns: predicted)")
    out.append(cell("") + labels.map(cell).joined())
    for actual in labels {
      out.append(cell(actual) + labels.map { cell("\(count(actual: actual, predicted: $0))") }.joined())
    }
    if !misses.isEmpty {
      out.append("")
      out.append("misclassified:")
      for miss in misses { out.append("  \(miss.id): \(miss.actual) read as \(miss.predicted)") }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
