import Foundation

/// Stable, readable JSON for scripts: sorted keys, pretty printed, no escaped slashes.
public enum JSONOutput {
  public static func encode(_ value: some Encodable, pretty: Bool = true) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + (pretty ? "\n" : "")
  }

  /// A compact JSON document (no space outside strings, as `JSONLineWriter` writes it)
  /// reformatted like `encode`'s output: two-space indents and `"key" : value`.
  ///
  /// Re-indents the bytes in one pass without building a tree, so a document of a 60 MB
  /// posting takes about twice its size, not the 30 times a parsed object graph took.
  static func prettify(_ line: String) -> String {
    let input = Array(line.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count + input.count / 4)
    var depth = 0
    var inString = false
    var escaped = false
    func newline() {
      out.append(0x0A)
      out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
    var index = 0
    while index < input.count {
      let byte = input[index]
      index += 1
      if inString {
        out.append(byte)
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        }
        continue
      }
      switch byte {
      case 0x22:
        inString = true
        out.append(byte)
      case 0x7B, 0x5B:
        out.append(byte)
        if index < input.count, input[index] == byte + 2 {
          // An empty object or array stays on one line.
          out.append(input[index])
          index += 1
        } else {
          depth += 1
          newline()
        }
      case 0x7D, 0x5D:
        depth -= 1
        newline()
        out.append(byte)
      case 0x2C:
        out.append(byte)
        newline()
      case 0x3A:
        out.append(contentsOf: [0x20, 0x3A, 0x20])
      case 0x0A, 0x0D, 0x20, 0x09:
        break
      default:
        out.append(byte)
      }
    }
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  /// A share or confidence rounded to 4 decimals, so output is stable and readable.
  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// The JSON shape of an assessment (see README: `fit`, `scores`, `areas`, `evidence`, `learningPath`).
struct AssessmentJSON: Encodable {
  struct Fit: Encodable {
    var role: String
    var band: String
    var confidence: Double
    var topShare: Double
    /// The fraction of resamples of the answers that give the same verdict.
    var stability: Double
    /// How much of the answers speaks for any role, in [0, 1].
    var evidenceStrength: Double
    /// Whether the role is one of the assessment's other roles (neither project nor program work).
    var otherRole: Bool
  }
  struct Area: Encodable {
    var area: String
    var name: String
    var answered: Int
    var total: Int
    var scores: [String: Double]
  }
  struct ClaimRef: Encodable {
    var id: String
    var source: String
    var text: String
  }
  struct Evidence: Encodable {
    var question: String
    var text: String
    var answer: String
    var towards: String
    var impact: Double
    var claims: [ClaimRef]
  }
  struct Change: Encodable {
    var question: String
    var questionText: String
    var from: String
    var fromText: String
    var to: String
    var toText: String
  }
  struct Edge: Encodable {
    var kind: String
    var newRole: String
    var newBand: String
    var changes: [Change]
  }
  struct Warning: Encodable {
    var id: String
    var message: String
  }
  struct Step: Encodable {
    var credential: String
    var name: String
    var status: String
    var months: Int?
    var detail: String
    var why: String
    var verified: Bool
  }
  struct Topic: Encodable {
    var position: Int
    var topic: String
    var why: String
  }
  struct Path: Encodable {
    var id: String
    var title: String
    var alternatives: [String]
  }
  struct Pack: Encodable {
    var id: String
    var version: String
  }

  var pack: Pack
  var fit: Fit
  var scores: [String: Double]
  var areas: [Area]
  var evidence: [Evidence]
  var whatWouldChangeIt: [Edge]
  var warnings: [Warning]
  /// The ids of the response-quality problems found (the warnings' ids).
  var qualityFlags: [String]
  /// `current` (the person's work now) or `preference` (what draws someone not managing work yet).
  var track: String
  /// The questions the short form asked, in order, when it was used.
  var asked: [String]?
  var answered: Int
  var totalScored: Int
  var path: Path?
  var learningPath: [Step]
  var learningTopics: [Topic]
  var answers: [String: String]

  init(_ report: AssessmentReport, pack content: ContentPack) {
    let result = report.result
    pack = Pack(id: report.packID, version: report.packVersion)
    fit = Fit(
      role: result.fit.role, band: result.fit.band, confidence: JSONOutput.round(result.fit.confidence),
      topShare: JSONOutput.round(result.fit.topShare), stability: JSONOutput.round(result.stability),
      evidenceStrength: JSONOutput.round(result.evidenceStrength), otherRole: content.isOtherRole(result.fit.role))
    scores = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.role, JSONOutput.round($0.share)) })
    areas = result.areas.map {
      Area(
        area: $0.area, name: content.area($0.area)?.name ?? $0.area, answered: $0.answered, total: $0.total,
        scores: $0.shares.mapValues(JSONOutput.round))
    }
    evidence = result.evidence.map { item in
      Evidence(
        question: item.question, text: item.questionText, answer: item.answer, towards: item.towards,
        impact: JSONOutput.round(item.impact),
        claims: item.claims.compactMap { content.claim($0) }.map {
          ClaimRef(id: $0.id, source: $0.source, text: $0.text)
        })
    }
    whatWouldChangeIt = result.edges.map { edge in
      Edge(
        kind: edge.kind.rawValue, newRole: edge.newRole, newBand: edge.newBand,
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
    path = report.plan.map { Path(id: $0.path.id, title: $0.path.title, alternatives: $0.alternatives) }
    var steps: [Step] = []
    var topics: [Topic] = []
    for (index, step) in (report.plan?.steps ?? []).enumerated() {
      switch step.subject {
      case .credential(let id):
        guard let eligibility = step.eligibility else { continue }
        steps.append(
          Step(
            credential: id, name: content.credential(id)?.name ?? id, status: eligibility.status.rawValue,
            months: eligibility.months, detail: eligibility.detail, why: step.why,
            verified: content.credential(id)?.verified ?? true))
      case .topic(let topic):
        topics.append(Topic(position: index + 1, topic: topic, why: step.why))
      }
    }
    learningPath = steps
    learningTopics = topics
    answers = report.answers.values.mapValues(\.description)
  }
}
