import Foundation

/// A finished assessment as the store keeps it (the JSON `--format json` writes), read back
/// for `rolefit history`.
///
/// The JSON is decoded as an `AssessmentDocument`: a result of another shape or schema version
/// (one kept before `schemaVersion` existed, or one whose keys changed) has no document, and its
/// shares are unknown (`nil`), never 0% for every role.
public struct StoredResult: Sendable {
  /// The decoded result; `nil` when there is none or it does not decode.
  public let document: AssessmentDocument?

  public init(json: String?) {
    document = json.flatMap { try? AssessmentDocument.decode(Data($0.utf8)) }
  }

  /// The title of the learning path the result gave.
  public var path: String? { document?.path?.title }

  /// A role's share of the result; 0 for a role the result did not score, `nil` when the result
  /// could not be read.
  public func share(of role: String) -> Double? {
    guard let document else { return nil }
    return document.roles.first { $0.id == role }?.share ?? 0
  }
}
