import Foundation

/// A posting with the role a careful reader gave it, one JSON object a line
/// (`{"id", "title", "text", "label", "sector", "confidence"}`): what `jd --fit` and
/// `jd --cross-validate` learn and measure from.
public struct LabelledPosting: Sendable, Decodable {
  public var id: String?
  public var title: String?
  public var text: String
  public var label: String
  /// The sector (`tech`, `public`, `industry`), for figures per sector.
  public var sector: String?
  /// The label's own confidence: `high`, or `low` where a second reader could pick a neighbour.
  public var confidence: String?

  public var posting: Posting { Posting(id: id ?? "", text: text, title: title) }

  /// The class a label names: a class id, or the one class whose id starts with the label and
  /// a hyphen (`project` for `project-manager`).
  public static func classID(named label: String, among classes: [String]) -> String? {
    if classes.contains(label) { return label }
    let matching = classes.filter { $0.hasPrefix(label + "-") }
    return matching.count == 1 ? matching[0] : nil
  }

  /// Reads labelled postings from JSON lines; blank lines are skipped.
  ///
  /// - Throws: `ContentError`-style one-line messages naming `source` and the line.
  public static func read(_ data: Data, source: String) throws -> [LabelledPosting] {
    var result: [LabelledPosting] = []
    let decoder = JSONDecoder()
    for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
        continue
      }
      do {
        var item = try decoder.decode(LabelledPosting.self, from: Data(line))
        if item.id == nil { item.id = "line \(number + 1)" }
        result.append(item)
      } catch {
        throw LabelledPostingError(
          message: "\(source):\(number + 1): not a labelled posting (needs \"text\" and \"label\" strings)")
      }
    }
    return result
  }
}

/// A labelled-postings file that cannot be read.
public struct LabelledPostingError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
