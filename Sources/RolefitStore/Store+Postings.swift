import Foundation
internal import GRDB

/// A job posting as `rolefit jd` analysed it, ready to be kept.
public struct AnalysedPosting: Sendable, Hashable {
  /// The posting's id in its batch, or the one given when it was pasted.
  public var id: String
  /// The title the posting gave itself, if any.
  public var title: String?
  /// The posting's text, as analysed.
  public var text: String
  /// The content pack whose job-description rules analysed it, when known.
  public var packID: String?
  /// The content pack's version, when known.
  public var packVersion: String?
  /// The role its duties describe, the band and the confidence.
  public var role: String
  /// The band of the fit.
  public var band: String
  /// The confidence in the fit, in [0, 1].
  public var confidence: Double
  /// The analysis as rendered for `--format json`, kept as is.
  public var resultJSON: String

  /// Creates a posting to save.
  public init(
    id: String, title: String?, text: String, packID: String?, packVersion: String?, role: String, band: String,
    confidence: Double, resultJSON: String
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.packID = packID
    self.packVersion = packVersion
    self.role = role
    self.band = band
    self.confidence = confidence
    self.resultJSON = resultJSON
  }
}

/// Analysed postings: each one a finished `posting` session.
extension Store {
  /// Keeps an analysed posting and its result, and returns its session number.
  public func savePosting(_ posting: AnalysedPosting) throws(StoreError) -> Int64 {
    try savePostings([posting])[0]
  }

  /// Keeps a batch of analysed postings in one transaction, and returns their session numbers
  /// in order.
  public func savePostings(_ postings: [AnalysedPosting]) throws(StoreError) -> [Int64] {
    let time = now()
    return try write { db in
      try postings.map { posting in
        try db.execute(
          literal: """
            INSERT INTO session (kind, title, packID, packVersion, startedAt, updatedAt, finishedAt,
              role, band, confidence, resultJSON)
            VALUES ('posting', \(posting.title ?? posting.id), \(posting.packID), \(posting.packVersion),
              \(time), \(time), \(time), \(posting.role), \(posting.band), \(posting.confidence), \(posting.resultJSON))
            """)
        let id = db.lastInsertedRowID
        try db.execute(
          literal: "INSERT INTO posting (sessionID, postingID, text) VALUES (\(id), \(posting.id), \(posting.text))")
        return id
      }
    }
  }
}
