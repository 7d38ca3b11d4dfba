import Foundation

/// Brings a participant's own `rolefit assess --out NAME.json` into a workshop.
public enum WorkshopImport {
  /// What an import file gave: the participant, their answers, and anything the facilitator should know.
  public struct Outcome: Sendable, Equatable {
    public var participant: String
    public var answers: AnswerSheet
    public var warnings: [String]
  }

  /// Why a file was not imported.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case otherPack(file: String, found: String, expected: String)

    public var description: String {
      switch self {
      case .unreadable(let file):
        return
          "\(file): not a rolefit result of this version (make it with `rolefit assess --answers FILE --out NAME.json`)"
      case .otherPack(let file, let found, let expected):
        return "\(file) was answered with content pack '\(found)', this workshop uses '\(expected)': not imported"
      }
    }
  }

  /// Reads an import file against the workshop's pack.
  ///
  /// The participant is the file's base name. Answers to questions the pack no longer has, or no longer
  /// accepts, are dropped and listed; a file from another version of the same pack is accepted with a
  /// warning; a file from another pack is refused. Nothing is mixed silently.
  public static func read(_ data: Data, file: String, pack: ContentPack) throws -> Outcome {
    guard let document = try? AssessmentDocument.decode(data) else { throw Problem.unreadable(file: file) }
    let packID = document.pack.id
    let version = document.pack.version
    if packID != pack.id { throw Problem.otherPack(file: file, found: packID, expected: pack.id) }
    var warnings: [String] = []
    if version != pack.version {
      warnings.append("\(file) was answered with content version \(version); this workshop uses \(pack.version)")
    }
    var sheet = AnswerSheet()
    var dropped: [String] = []
    for (id, text) in document.answers.sorted(by: { $0.key < $1.key }) {
      guard let question = pack.question(id) else {
        dropped.append(id)
        continue
      }
      switch question.parseAnswer(question.kind == .multi && text == "none" ? "none" : text) {
      case .success(let value): sheet[id] = value
      case .failure: dropped.append(id)
      }
    }
    if !dropped.isEmpty {
      warnings.append(
        "\(file): answers to \(TextWrap.count(dropped.count, "question")) this content no longer asks were left out: \(dropped.joined(separator: ", "))"
      )
    }
    let participant = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    return Outcome(participant: participant, answers: sheet, warnings: warnings)
  }
}
