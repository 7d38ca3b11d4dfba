import Foundation
import RolefitCore

/// Keeps analysed postings in the store: the `PostingArchive` the REPL's `jd` uses.
public final class StorePostingArchive: PostingArchive, Sendable {
  /// The store the postings go to.
  public let store: Store
  /// The content pack to record with each posting, when known.
  public let packID: String?
  /// The content pack's version, when known.
  public let packVersion: String?

  /// Creates an archive; pass the pack in use so each posting records which rules analysed it.
  public init(store: Store, pack: ContentPack? = nil) {
    self.store = store
    self.packID = pack?.id
    self.packVersion = pack?.version
  }

  /// Keeps an analysis and its JSON as a finished `posting` session.
  public func save(_ analysis: PostingAnalysis, resultJSON: String) throws {
    _ = try store.savePosting(
      AnalysedPosting(
        id: analysis.id, title: analysis.title.stated, text: analysis.text, packID: packID, packVersion: packVersion,
        role: analysis.fit.role, band: analysis.fit.band, confidence: analysis.fit.confidence,
        resultJSON: resultJSON))
  }
}
