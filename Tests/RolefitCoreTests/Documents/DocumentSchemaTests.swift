import Foundation
import Testing

@testable import RolefitCore

/// Every document rolefit writes as JSON conforms to its schema in `docs/schema/`, reads back as
/// the `Codable` type that wrote it, and a change of shape without a change of schema fails.
@Suite struct DocumentSchemaTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  static func schema(_ name: String) throws -> JSONSchema {
    try JSONSchema(file: TestPacks.repository.appendingPathComponent("docs/schema/\(name).schema.json"))
  }

  /// The persona answer files, scored, and one replayed through the short form (which adds `asked`).
  func assessments() throws -> [AssessmentReport] {
    let folder = TestPacks.repository.appendingPathComponent("eval/personas")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      .sorted()
    var reports = try files.map { name in
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      return AssessmentReport(pack: pack, answers: try AnswerFile.parse(text, file: name, pack: pack))
    }
    let replay = ShortForm(pack: pack).replay(reports[0].answers)
    var short = AssessmentReport(pack: pack, answers: replay.sheet)
    short.asked = replay.asked
    reports.append(short)
    // Nothing answered: no verdict, no path.
    reports.append(AssessmentReport(pack: pack, answers: AnswerSheet()))
    return reports
  }

  @Test func assessmentDocumentsMatchTheirSchemaAndReadBack() throws {
    let schema = try Self.schema("assessment")
    let reports = try assessments()
    #expect(reports.count >= 6)
    for report in reports {
      let json = AssessmentRenderer(pack: pack).render(report, as: .json)
      #expect(schema.errors(try JSONValue.parse(json)) == [], "\(json.prefix(300))")
      let document = try AssessmentDocument.decode(Data(json.utf8))
      #expect(document == AssessmentDocument(report, pack: pack))
      #expect(document.roles.map(\.share) == report.result.scores.map { JSONOutput.round($0.share) })
    }
  }

  @Test func postingLinesMatchTheirSchemaAndDecodeAsTheDocument() throws {
    let schema = try Self.schema("posting")
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let renderer = PostingRenderer(pack: pack)
    let data = try Data(contentsOf: TestPacks.repository.appendingPathComponent("eval/postings.jsonl"))
    let postings = try LabelledPosting.read(data, source: "eval/postings.jsonl").map(\.posting)
    #expect(postings.count > 60)
    var sawDual = false
    var sawIgnored = false
    var sawOtherKind = false
    for posting in postings {
      let analysis = try analyzer.analyze(posting)
      // The fast writer's line, byte for byte what `jd --jsonl --format json` prints.
      let line = String(decoding: renderer.jsonLine(analysis), as: UTF8.self)
      #expect(schema.errors(try JSONValue.parse(line)) == [], "\(posting.id)")
      let decoded = try JSONDecoder().decode(PostingDocument.self, from: Data(line.utf8))
      #expect(decoded == PostingDocument(analysis), "\(posting.id)")
      // The pretty form is the same document.
      #expect(try JSONDecoder().decode(PostingDocument.self, from: Data(renderer.json(analysis).utf8)) == decoded)
      sawDual = sawDual || decoded.title.dual == true
      sawIgnored = sawIgnored || !decoded.ignored.isEmpty
      sawOtherKind = sawOtherKind || decoded.fit.otherKind != nil
    }
    // The optional parts of the shape were exercised, not only the common ones.
    #expect(sawIgnored && sawOtherKind)
    let dual = try analyzer.analyze(
      Posting(
        id: "dual", text: "Coordinate several projects and deliver one release.", title: "Project / Program Manager"))
    let dualLine = String(decoding: renderer.jsonLine(dual), as: UTF8.self)
    #expect(schema.errors(try JSONValue.parse(dualLine)) == [])
    #expect(try JSONDecoder().decode(PostingDocument.self, from: Data(dualLine.utf8)) == PostingDocument(dual))
    _ = sawDual
  }

  @Test func workshopRecordsMatchTheirSchemaAndReadBack() throws {
    let schema = try Self.schema("workshop")
    let session = try TestWorkshops.session(pack: pack)
    let report = WorkshopReport(session: session, pack: pack)
    let json = report.render(as: .json)
    #expect(schema.errors(try JSONValue.parse(json)) == [], "\(json.prefix(300))")
    let document = try WorkshopDocument.decode(Data(json.utf8))
    #expect(document == report.document)
    #expect(document.items.contains { $0.kind == "posting" && $0.engineReading != nil })
    #expect(document.participants.contains { $0.imported && $0.fit != nil })
    #expect(!document.needs.isEmpty)
    // An empty workshop is a valid record too.
    let empty = WorkshopSession(name: "empty", agenda: session.agenda, pack: pack, participants: [])
    #expect(schema.errors(try JSONValue.parse(WorkshopReport(session: empty, pack: pack).json())) == [])
  }

  /// What the schema tests guard against: a key added, removed or renamed in the Swift type
  /// without the schema.
  @Test func aChangeOfShapeWithoutTheSchemaFails() throws {
    let schema = try Self.schema("assessment")
    let report = try #require(try assessments().first)
    let json = AssessmentRenderer(pack: pack).render(report, as: .json)
    let good = try #require(try JSONValue.parse(json).object)
    var added = good
    added["extra"] = .string("x")
    var removed = good
    removed["scores"] = nil
    var renamed = good
    renamed["shares"] = renamed.removeValue(forKey: "scores")
    var retyped = good
    retyped["answered"] = .string("10")
    for changed in [added, removed, renamed, retyped] {
      #expect(!schema.errors(.object(changed)).isEmpty)
    }
    var older = good
    older["schemaVersion"] = .number(0)
    #expect(!schema.errors(.object(older)).isEmpty)
  }

  @Test func theSchemasNameTheVersionTheTypesWrite() throws {
    let versions = [
      ("assessment", AssessmentDocument.currentSchemaVersion), ("posting", PostingDocument.currentSchemaVersion),
      ("workshop", WorkshopDocument.currentSchemaVersion),
    ]
    for (name, version) in versions {
      let root = try #require(try Self.schema(name).root.object)
      #expect(root["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
      #expect(root["properties"]?.object?["schemaVersion"]?.object?["const"] == .number(Double(version)), "\(name)")
    }
  }

  /// A document of another version is refused, not misread.
  @Test func anotherSchemaVersionIsRefused() throws {
    var document = AssessmentDocument(try #require(try assessments().first), pack: pack)
    document.schemaVersion = 2
    #expect(throws: DecodingError.self) { try AssessmentDocument.decode(Data(JSONOutput.encode(document).utf8)) }
  }
}

/// What `history` reads from the store: the typed document, or nothing.
@Suite struct StoredResultTests {
  @Test func aStoredResultReadsAsItsSharesAndAChangedOneAsUnknown() throws {
    let pack = try TestPacks.bundled
    let folder = TestPacks.repository.appendingPathComponent("eval/personas")
    let text = try String(contentsOf: folder.appendingPathComponent("scrum-master.yaml"), encoding: .utf8)
    let report = AssessmentReport(
      pack: pack, answers: try AnswerFile.parse(text, file: "scrum-master.yaml", pack: pack))
    let json = AssessmentRenderer(pack: pack).render(report, as: .json)
    let stored = StoredResult(json: json)
    for score in report.result.scores { #expect(stored.share(of: score.role) == JSONOutput.round(score.share)) }
    #expect(stored.share(of: "scrum-master") ?? 0 > 0.5)
    #expect(stored.path == report.plan?.path.title)
    // A key renamed, a result from before schemaVersion, and no result at all: unknown, not 0%.
    let changed = [
      json.replacingOccurrences(of: #""roles""#, with: #""shares""#),
      json.replacingOccurrences(of: #""schemaVersion" : 1,"#, with: ""),
      "{}", nil,
    ]
    for json in changed {
      let unreadable = StoredResult(json: json)
      #expect(unreadable.document == nil)
      #expect(pack.assessedRoles.allSatisfy { unreadable.share(of: $0.id) == nil })
    }
  }
}
