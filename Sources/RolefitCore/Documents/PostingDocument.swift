import Foundation

/// A posting's reading as `jd --format json` writes it, one line per posting with `--jsonl`.
///
/// `PostingRenderer.jsonLine` writes this shape byte by byte for speed; a test decodes its lines
/// with this type and compares them with `init(_:)`, so the two cannot drift apart. The shape is
/// `docs/schema/posting.schema.json`.
public struct PostingDocument: VersionedDocument {
  public static let currentSchemaVersion = 1

  public struct Evidence: Codable, Sendable, Hashable {
    public var claim: String?
    public var end: Int
    public var phrase: String
    public var reason: String
    /// Present (and true) only for a phrase in what a candidate must bring: it counts for the
    /// content's requirements weight of a duty.
    public var requirement: Bool?
    public var role: String
    public var start: Int
    public var weight: Double
  }
  public struct Fit: Codable, Sendable, Hashable {
    public var band: String
    public var confidence: Double
    public var otherKind: String?
    public var role: String
    /// Present (and true) only when the duties do not settle the verdict.
    public var uncertain: Bool?
  }
  public struct Ignored: Codable, Sendable, Hashable {
    public var end: Int
    public var phrase: String
    public var reason: String
    public var start: Int
  }
  public struct Recommendation: Codable, Sendable, Hashable {
    public var fix: String
    public var id: String
    public var message: String
    public var severity: String
  }
  public struct Title: Codable, Sendable, Hashable {
    /// Present (and true) only for a title naming two roles at once.
    public var dual: Bool?
    public var impliedRole: String?
    public var mismatch: Bool
    public var stated: String?
  }

  /// The evidence that decided the verdict, as indices into `evidence`, most first; when the
  /// duties settle nothing, what pulls toward each of the two leading roles, in turn.
  public var deciding: [Int]
  public var evidence: [Evidence]
  public var fit: Fit
  public var id: String
  public var ignored: [Ignored]
  public var otherKinds: [String: Double]
  public var recommendations: [Recommendation]
  public var schemaVersion: Int
  public var scores: [String: Double]
  public var title: Title
  public var warnings: [String]

  /// The document of an analysis, as the fast writer writes it.
  public init(_ analysis: PostingAnalysis) {
    deciding = analysis.deciding
    evidence = analysis.evidence.map {
      Evidence(
        claim: $0.claim, end: $0.end, phrase: $0.phrase, reason: $0.reason,
        requirement: $0.isRequirement ? true : nil, role: $0.role, start: $0.start, weight: $0.weight)
    }
    fit = Fit(
      band: analysis.fit.band, confidence: JSONOutput.round(analysis.fit.confidence), otherKind: analysis.fit.otherKind,
      role: analysis.fit.role, uncertain: analysis.fit.isUncertain ? true : nil)
    id = analysis.id
    ignored = analysis.ignored.map {
      Ignored(end: $0.end, phrase: $0.phrase, reason: $0.reason.rawValue, start: $0.start)
    }
    otherKinds = analysis.otherKinds
    recommendations = analysis.recommendations.map {
      Recommendation(fix: $0.fix, id: $0.id, message: $0.message, severity: $0.severity)
    }
    schemaVersion = Self.currentSchemaVersion
    scores = Dictionary(uniqueKeysWithValues: analysis.scores.map { ($0.role, JSONOutput.round($0.share)) })
    title = Title(
      dual: analysis.title.isDual ? true : nil, impliedRole: analysis.title.impliedRole,
      mismatch: analysis.title.mismatch, stated: analysis.title.stated)
    warnings = analysis.warnings
  }
}
