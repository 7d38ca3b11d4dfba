import Foundation

/// Reads a roster typed as a list: `Ana, Ben, Chen` or `Ana Ben Chen`.
public enum WorkshopRoster {
  /// The names, trimmed, in order, each once (compared case-insensitively).
  public static func parse(_ text: String) -> [String] {
    let separator: (Character) -> Bool = text.contains(",") ? { $0 == "," } : { $0 == " " }
    var seen: Set<String> = []
    return text.split(whereSeparator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
  }
}
