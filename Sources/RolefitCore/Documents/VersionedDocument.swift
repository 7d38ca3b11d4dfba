import Foundation

/// A document rolefit writes as JSON and reads back: a `Codable` type whose shape is a schema in
/// `docs/schema/`, carrying the version of that shape.
public protocol VersionedDocument: Codable, Sendable, Hashable {
  /// The version of this shape that this build writes; readers refuse a document of another.
  static var currentSchemaVersion: Int { get }
  var schemaVersion: Int { get }
}

extension VersionedDocument {
  /// Reads a document written by `JSONOutput` (or, for postings, the fast JSON-lines writer).
  ///
  /// - Throws: `DecodingError` when the JSON is not this document, or is of another schema version.
  public static func decode(_ data: Data) throws -> Self {
    let document = try JSONDecoder().decode(Self.self, from: data)
    guard document.schemaVersion == currentSchemaVersion else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: [],
          debugDescription: "schemaVersion \(document.schemaVersion), expected \(currentSchemaVersion)"))
    }
    return document
  }
}
