import Foundation
import RolefitCore
import Testing

/// Each document as an HTML page from the built binary (assess, jd, workshop report, sessions
/// export and `save` in the session), and, where Chromium is installed, each page rendered by
/// `scripts/render-report`: no console message, nothing fetched, every chart laid out with a size.
@Suite(.serialized) struct HTMLReportEndToEndTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Writes one page of each document kind into `folder`, through the commands a user types.
  func writePages(into folder: URL) throws -> [String: URL] {
    let environment = RolefitBinary.environment()
    let pack = try RolefitBinary.bundledPack()
    var pages: [String: URL] = [:]

    let assessment = folder.appendingPathComponent("assessment.html")
    let persona = RolefitBinary.repository.appendingPathComponent(
      "eval/personas/project-manager-erp-public-sector.yaml"
    ).path
    let assessed = try RolefitBinary.run(
      ["assess", "--answers", persona, "--format", "html", "--out", assessment.path], environment: environment)
    #expect(assessed.status == 0, "\(assessed.stderr)")
    pages["assessment"] = assessment

    // `save FILE.html` at the end of an assessment in the session.
    let saved = folder.appendingPathComponent("saved.html")
    let answers = AssessmentRun(pack: pack).questions.map { $0.kind == .number ? "12" : $0.optionIDs[0] }
    let session = try RolefitBinary.run(
      ["--person", "Dana"], input: (["assess"] + answers + ["save \(saved.path)"]).joined(separator: "\n") + "\n",
      environment: environment)
    #expect(session.stdout.contains("Saved to \(saved.path) (html)."), "\(session.stdout)")
    pages["saved"] = saved

    let postingFile = folder.appendingPathComponent("posting.txt")
    try """
    Senior Project Manager
    Coordinate several related projects across the transformation programme and own benefits realisation.
    Report to the steering committee on the programme's roadmap and manage interdependencies between projects.
    Keep one project's schedule, budget and scope on track with its team.
    """.write(to: postingFile, atomically: true, encoding: .utf8)
    let posting = folder.appendingPathComponent("posting.html")
    let read = try RolefitBinary.run(
      ["jd", postingFile.path, "--format", "html", "--out", posting.path, "--save"], environment: environment)
    #expect(read.status == 0, "\(read.stderr)")
    pages["posting"] = posting

    let agenda = try #require(pack.agendas.first)
    let options = WorkshopSession(name: "x", agenda: agenda, pack: pack, participants: [])
      .options(for: agenda.items[0].item, pack: pack).map(\.id)
    let votes =
      "\(options[0]) \(options[1]) \(options[1])\nreveal\nrevote\n\(options[1]) \(options[1]) \(options[1])\nreveal\n"
    let workshopRun = try RolefitBinary.run(
      ["workshop", "new", "calibration", "--agenda", agenda.id, "--participants", "Ana, Ben, Chen"],
      input: votes + "note fleet analogy settled it\nquit\n", environment: environment)
    #expect(workshopRun.status == 0, "\(workshopRun.stderr)")
    let workshop = folder.appendingPathComponent("workshop.html")
    let reported = try RolefitBinary.run(
      ["workshop", "report", "calibration", "--format", "html", "--out", workshop.path], environment: environment)
    #expect(reported.status == 0, "\(reported.stderr)")
    pages["workshop"] = workshop

    // The posting kept by `--save`, exported from the store.
    let list = try RolefitBinary.run(["sessions"], environment: environment)
    let postingLine = try #require(
      list.stdout.split(separator: "\n").first { $0.contains("posting") }, "\(list.stdout)")
    let id = try #require(postingLine.split(separator: " ").first { Int($0) != nil })
    let export = folder.appendingPathComponent("export.html")
    let exported = try RolefitBinary.run(
      ["sessions", "export", String(id), "--format", "html", "--out", export.path], environment: environment)
    #expect(exported.status == 0, "\(exported.stderr)")
    pages["export"] = export
    return pages
  }

  @Test func everyDocumentIsOneSelfContainedPage() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    for (kind, page) in try writePages(into: folder) {
      let html = try String(contentsOf: page, encoding: .utf8)
      #expect(html.hasPrefix("<!DOCTYPE html>"), "\(kind)")
      #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""), "\(kind)")
      #expect(!html.contains("<script") && !html.contains(" src=\"") && !html.contains(" href=\""), "\(kind)")
      #expect(html.contains("How to read this") && html.contains("classifies work, never people"), "\(kind)")
    }
  }

  @Test(.enabled(if: chromium != nil, "needs Chromium (apt-get install chromium)"))
  func chromiumRendersEveryPageWithItsChartsAndNoErrors() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    for (kind, page) in try writePages(into: folder).sorted(by: { $0.key < $1.key }) {
      let png = folder.appendingPathComponent("\(kind).png")
      let process = Process()
      process.executableURL = RolefitBinary.repository.appendingPathComponent("scripts/render-report")
      process.arguments = [page.path, png.path]
      let output = Pipe()
      let errors = Pipe()
      process.standardOutput = output
      process.standardError = errors
      try process.run()
      let printed = output.fileHandleForReading.readDataToEndOfFile()
      let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(kind): \(problems)")
      struct Measured: Decodable {
        var charts: Int
        var bars: Int
        var height: Int
        var smallestChart: [Double]
      }
      let measured = try JSONDecoder().decode(Measured.self, from: printed)
      #expect(measured.charts > 0 && measured.bars > 0, "\(kind)")
      #expect(measured.smallestChart.allSatisfy { $0 > 10 }, "\(kind): \(measured.smallestChart)")
      #expect(measured.height > 600, "\(kind)")
      // A screenshot of a laid-out page, not an empty one: a PNG of real size.
      let data = try Data(contentsOf: png)
      #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(kind)")
      #expect(data.count > 20_000, "\(kind): \(data.count) bytes")
    }
  }

  @Test func anHTMLPageIsOfOnePosting() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("a.txt")
    try "Manage the project schedule.".write(to: file, atomically: true, encoding: .utf8)
    let two = try RolefitBinary.run(["jd", file.path, file.path, "--format", "html"])
    #expect(two.status == 64)
    #expect(two.stderr.contains("--format html reads one posting"))
  }
}
