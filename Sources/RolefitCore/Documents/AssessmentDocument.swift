import Foundation

/// An assessment result as every format shows it: built once from a report, then walked by the
/// HTML renderer, written as JSON, and read back by `history` and `workshop import`.
///
/// Its JSON shape is `docs/schema/assessment.schema.json`; `schemaVersion` changes with it.
/// The ids (`fit.role`, `scores`, `answers`) are for scripts; the worded fields (`summary`,
/// `roles[].name`, `evidence[].claims[].sourceTitle`, `whatWouldChangeIt[].sentence`, the path's
/// `title` and `statusText`) are what a reader sees, worded once here.
public struct AssessmentDocument: VersionedDocument {
  public static let currentSchemaVersion = 1

  public struct Fit: Codable, Sendable, Hashable {
    public var role: String
    public var band: String
    public var confidence: Double
    public var topShare: Double
    /// The fraction of resamples of the answers that give the same verdict.
    public var stability: Double
    /// How much of the answers speaks for any role, in [0, 1].
    public var evidenceStrength: Double
    /// Whether the role is one of the assessment's other roles (neither project nor program work).
    public var otherRole: Bool
  }
  /// The verdict in words, as the first screen gives it.
  public struct Summary: Codable, Sendable, Hashable {
    /// The verdict in a sentence ("Your work is project management: ...").
    public var sentence: String
    /// "Your fit: " or "What draws you: ".
    public var label: String
    /// "Project manager, strong fit".
    public var headline: String
    /// What the confidence rests on and what lowered it.
    public var confidence: String
    /// Stability, evidence and response quality in plain words.
    public var figures: [String]
    /// The next step of the learning path with its date, when there is a path.
    public var next: String?
  }
  public struct RoleShare: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// The role's one-word label (`project`), for charts.
    public var short: String
    public var share: Double
  }
  public struct Area: Codable, Sendable, Hashable {
    public var area: String
    public var name: String
    public var answered: Int
    public var total: Int
    public var scores: [String: Double]
  }
  public struct ClaimRef: Codable, Sendable, Hashable {
    public var id: String
    public var source: String
    /// The title of the article the claim comes from.
    public var sourceTitle: String
    public var text: String
  }
  public struct Evidence: Codable, Sendable, Hashable {
    public var question: String
    public var text: String
    public var answer: String
    public var towards: String
    public var towardsName: String
    public var impact: Double
    /// The claims that speak for the role the answer points to (or for neither).
    public var claims: [ClaimRef]
  }
  public struct Change: Codable, Sendable, Hashable {
    public var question: String
    public var questionText: String
    public var from: String
    public var fromText: String
    public var to: String
    public var toText: String
  }
  public struct Edge: Codable, Sendable, Hashable {
    public var kind: String
    public var newRole: String
    public var newBand: String
    /// "Changing 4 answers would make it leaning project manager:".
    public var sentence: String
    public var changes: [Change]
  }
  public struct Warning: Codable, Sendable, Hashable {
    public var id: String
    public var message: String
  }
  public struct Step: Codable, Sendable, Hashable {
    /// Where the step comes on the path, from 1 (topics and credentials share the count).
    public var position: Int
    public var credential: String
    public var name: String
    /// The step as a reader sees it: "PgMP: Program Management Professional".
    public var title: String
    public var status: String
    /// The status in words: "eligible in 48 months of program work".
    public var statusText: String
    public var months: Int?
    /// For `not-eligible`: whether a course or hours of training anyone can take are all that is
    /// missing; for `eligible-in`: whether training is needed besides the months (absent in
    /// documents saved before it was recorded).
    public var openWithTraining: Bool?
    public var detail: String
    public var why: String
    public var verified: Bool
    /// What the content adds about the credential (a caveat), when it says anything.
    public var note: String?
  }
  public struct Topic: Codable, Sendable, Hashable {
    public var position: Int
    public var topic: String
    public var why: String
  }
  public struct Path: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    /// Steps already behind the person, a credential with its status: "PMP (held)".
    public var done: [String]
    /// The titles of the other paths offered.
    public var alternatives: [String]
  }
  public struct Pack: Codable, Sendable, Hashable {
    public var id: String
    public var version: String
    public var name: String
    /// The date the content's facts were checked.
    public var asOf: String
  }

  public var schemaVersion: Int
  public var pack: Pack
  /// The day the result was made (UTC), from which the path's dates count.
  public var date: String
  public var fit: Fit
  public var summary: Summary
  public var scores: [String: Double]
  /// Every role the answers were scored for, in the result's order, with its share.
  public var roles: [RoleShare]
  public var areas: [Area]
  public var evidence: [Evidence]
  public var whatWouldChangeIt: [Edge]
  public var warnings: [Warning]
  /// The ids of the response-quality problems found (the warnings' ids).
  public var qualityFlags: [String]
  /// `current` (the person's work now) or `preference` (what draws someone not managing work yet).
  public var track: String
  /// The questions the short form asked, in order, when it was used.
  public var asked: [String]?
  public var answered: Int
  public var totalScored: Int
  public var path: Path?
  public var learningPath: [Step]
  public var learningTopics: [Topic]
  public var answers: [String: String]

  /// A step of the learning path: a credential or a topic.
  public enum PathStep: Sendable, Hashable {
    case credential(Step)
    case topic(Topic)
  }

  /// The learning path's steps ahead, credentials and topics in the path's order.
  public var pathSteps: [PathStep] {
    (learningPath.map { ($0.position, PathStep.credential($0)) } + learningTopics.map { ($0.position, .topic($0)) })
      .sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// Builds the document from a report, wording everything once.
  public init(_ report: AssessmentReport, pack content: ContentPack, date: CalendarDate = DocumentDate.today()) {
    let words = AssessmentRenderer(pack: content)
    let result = report.result
    schemaVersion = Self.currentSchemaVersion
    pack = Pack(id: report.packID, version: report.packVersion, name: content.name, asOf: content.asOf)
    self.date = date.description
    fit = Fit(
      role: result.fit.role, band: result.fit.band, confidence: JSONOutput.round(result.fit.confidence),
      topShare: JSONOutput.round(result.fit.topShare), stability: JSONOutput.round(result.stability),
      evidenceStrength: JSONOutput.round(result.evidenceStrength), otherRole: content.isOtherRole(result.fit.role))
    summary = Summary(
      sentence: words.verdictSentence(result), label: words.verdictLabel(result).trimmingCharacters(in: .whitespaces),
      headline: words.headline(result.fit), confidence: words.confidenceSentence(result),
      figures: words.figures(result), next: report.plan.flatMap(words.nextStep))
    scores = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.role, JSONOutput.round($0.share)) })
    roles = result.scores.map {
      RoleShare(
        id: $0.role, name: words.roleName($0.role), short: words.shortName($0.role), share: JSONOutput.round($0.share))
    }
    areas = result.areas.map {
      Area(
        area: $0.area, name: content.area($0.area)?.name ?? $0.area, answered: $0.answered, total: $0.total,
        scores: $0.shares.mapValues(JSONOutput.round))
    }
    evidence = result.evidence.map { item in
      Evidence(
        question: item.question, text: item.questionText, answer: item.answer, towards: item.towards,
        towardsName: words.roleName(item.towards), impact: JSONOutput.round(item.impact),
        claims: words.supportingClaims(item).compactMap { content.claim($0) }.map {
          ClaimRef(
            id: $0.id, source: $0.source, sourceTitle: content.source($0.source)?.title ?? $0.source, text: $0.text)
        })
    }
    whatWouldChangeIt = result.edges.map { edge in
      Edge(
        kind: edge.kind.rawValue, newRole: edge.newRole, newBand: edge.newBand, sentence: words.edgeSentence(edge),
        changes: edge.changes.map {
          Change(
            question: $0.question, questionText: $0.questionText, from: "\($0.from)", fromText: $0.fromText,
            to: "\($0.to)", toText: $0.toText)
        })
    }
    warnings = result.warnings.map { Warning(id: $0.id, message: $0.message) }
    qualityFlags = result.warnings.map(\.id)
    track = result.track.rawValue
    asked = report.asked
    answered = result.answeredScored
    totalScored = result.totalScored
    path = report.plan.map { plan in
      Path(
        id: plan.path.id, title: plan.path.title, summary: plan.path.summary,
        done: plan.done.map { step in
          step.eligibility.map { "\(words.stepName(step)) (\(words.statusText($0)))" } ?? words.stepName(step)
        },
        alternatives: plan.alternatives.compactMap { id in content.paths.first { $0.id == id }?.title })
    }
    var steps: [Step] = []
    var topics: [Topic] = []
    for (index, step) in (report.plan?.steps ?? []).enumerated() {
      switch step.subject {
      case .credential(let id):
        guard let eligibility = step.eligibility else { continue }
        steps.append(
          Step(
            position: index + 1, credential: id, name: content.credential(id)?.name ?? id,
            title: words.stepTitle(step), status: eligibility.status.rawValue,
            statusText: words.statusText(eligibility), months: eligibility.months,
            openWithTraining: eligibility.status == .notEligible
              ? eligibility.courseOnly : eligibility.status == .eligibleIn ? eligibility.alsoTraining : nil,
            detail: eligibility.detail,
            why: step.why, verified: content.credential(id)?.verified ?? true, note: content.credential(id)?.note))
      case .topic(let topic):
        topics.append(Topic(position: index + 1, topic: topic, why: step.why))
      }
    }
    learningPath = steps
    learningTopics = topics
    answers = report.answers.values.mapValues(\.description)
  }
}
