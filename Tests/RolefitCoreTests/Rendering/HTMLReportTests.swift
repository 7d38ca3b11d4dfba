import Foundation
import Testing

@testable import RolefitCore

/// The HTML reports: hostile text from a posting, an answer, a participant's name and a note is
/// shown as text, and each page is self-contained (no script, nothing fetched).
@Suite struct HTMLReportTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  static let payloads = ["<script>alert(1)</script>", #""><img src=x onerror=alert(1)>"#, "</style>", "]]>"]
  static let hostile = payloads.joined(separator: " ")

  /// The page shows every payload as text and holds nothing that could run or fetch.
  func expectInert(_ html: String, showing count: Int = 1, _ what: String) {
    for payload in Self.payloads where payload != "</style>" {
      #expect(!html.contains(payload), "\(what): \(payload) is markup")
    }
    // The one `</style>` is the page's own, closing its style sheet.
    #expect(html.components(separatedBy: "</style>").count == 2, "\(what)")
    let shown = [
      "&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;/style&gt;",
      "]]&gt;",
    ]
    for escaped in shown {
      #expect(html.components(separatedBy: escaped).count - 1 >= count, "\(what): \(escaped) not shown as text")
    }
    // Every tag is one the renderers write, with no attribute that loads or runs anything.
    for tag in Self.tags(in: html) {
      #expect(Self.allowedTags.contains(tag.name), "\(what): <\(tag.name)>")
      for attribute in tag.attributes {
        #expect(
          !["src", "href", "style", "action"].contains(attribute) && !attribute.hasPrefix("on"), "\(what): \(attribute)"
        )
      }
    }
    for forbidden in ["url(", "@import"] { #expect(!html.contains(forbidden), "\(what): \(forbidden)") }
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("@media print"), "\(what): a print style sheet")
    #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""), "\(what): a chart")
  }

  static let allowedTags: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "h3", "p", "ul", "li",
    "table", "tr", "th", "td", "div", "span", "mark", "sub", "strong", "cite", "pre", "svg", "rect", "text", "line",
    "circle",
  ]

  /// The opening tags of a page with their attribute names (the style sheet's text skipped).
  static func tags(in html: String) -> [(name: String, attributes: [String])] {
    var tags: [(String, [String])] = []
    var rest = Substring(html)
    if let style = rest.range(of: "<style>"), let end = rest.range(of: "</style>") {
      rest = rest[..<style.upperBound] + rest[end.lowerBound...]
    }
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      guard let close = rest.firstIndex(of: ">") else { break }
      let inside = rest[..<close]
      rest = rest[rest.index(after: close)...]
      if inside.hasPrefix("/") || inside.hasPrefix("!") { continue }
      var name = ""
      var attributes: [String] = []
      var index = inside.startIndex
      while index < inside.endIndex, inside[index] != " " {
        name.append(inside[index])
        index = inside.index(after: index)
      }
      // Attribute names: the word before each `="`, outside quoted values.
      var word = ""
      var quoted = false
      while index < inside.endIndex {
        let character = inside[index]
        if character == "\"" {
          quoted.toggle()
        } else if !quoted {
          if character == "=" {
            attributes.append(word.trimmingCharacters(in: .whitespaces))
            word = ""
          } else if character == " " {
            word = ""
          } else {
            word.append(character)
          }
        }
        index = inside.index(after: index)
      }
      tags.append((name, attributes))
    }
    return tags
  }

  @Test func aHostilePostingAndTitleAreShownAsText() throws {
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let text = """
      Senior Project Manager \(Self.hostile)
      Coordinate several related projects across the programme and own benefits realisation. \(Self.hostile)
      Manage the project schedule, budget and scope for one delivery.
      """
    let analysis = try analyzer.analyze(Posting(id: "posting \(Self.hostile)", text: text, title: "PM \(Self.hostile)"))
    #expect(!analysis.evidence.isEmpty)
    let html = PostingHTML(pack: pack).render(analysis)
    expectInert(html, showing: 3, "posting")
    #expect(html.contains("<mark class="), "the evidence is highlighted")
  }

  /// A hiring manager reads the verdict, what decided it and the fixes first, on every page:
  /// the marked posting and the full list of phrases come after.
  @Test func postingPagesPutWhatDecidedItBeforeThePosting() throws {
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let text = """
      Program Manager
      - Own the program roadmap across multiple projects and manage the interdependencies between them.
      - Run program governance with a steering committee and drive benefits realization.
      - Track ROI for the transformation and keep the risk register for each workstream.
      """
    let analysis = try analyzer.analyze(Posting(id: "p", text: text, title: nil))
    #expect(analysis.evidence.count > analysis.deciding.count && !analysis.recommendations.isEmpty)
    func order(_ page: String, _ headings: [String]) -> [Int] {
      headings.map { page.range(of: $0).map { page.distance(from: page.startIndex, to: $0.lowerBound) } ?? -1 }
    }
    let html = PostingHTML(pack: pack).render(analysis)
    let inHTML = order(html, [">What decided it<", ">Recommendations<", ">The posting<", ">Every phrase counted<"])
    #expect(!inHTML.contains(-1) && inHTML == inHTML.sorted(), "\(inHTML)")
    let markdown = PostingRenderer(pack: pack).markdown(analysis)
    let inMarkdown = order(
      markdown, ["### What decided it", "### Recommendations", "### Every phrase counted", "| Phrase | Role"])
    #expect(!inMarkdown.contains(-1) && inMarkdown == inMarkdown.sorted(), "\(markdown)")
    let first = try #require(analysis.deciding.first.map { analysis.evidence[$0] })
    // The phrase that counted is marked inside its sentence.
    #expect(markdown.contains("\n1. “") && markdown.contains("**\(MarkdownText.inline(first.phrase))**"), "\(markdown)")
    #expect(html.contains("<strong>\(first.phrase)</strong>"))
  }

  /// Plain text (a pipe, `NO_COLOR`) marks the deciding phrase with brackets, as the marked
  /// posting does, and the sentence around it is quoted without the bullet and Markdown
  /// emphasis it was typed with.
  @Test func plainTextMarksTheDecidingPhraseInItsSentence() throws {
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let text = """
      * **Own the program roadmap** across multiple projects and manage the interdependencies between them.
      - Run program governance with a **steering committee** and drive __benefits realization__.
      """
    let analysis = try analyzer.analyze(Posting(id: "p", text: text, title: nil))
    let plain = PostingRenderer(pack: pack, width: 1000).text(analysis, showText: false)
    let lines = plain.split(separator: "\n").filter { $0.firstMatch(of: /^  \d\.\s/) != nil }
    #expect(lines.count >= 3, "\(plain)")
    // The sentence is quoted from its first word, with no "…" for the bullet left out.
    #expect(
      lines.contains { $0.contains("\"Run program governance with a [steering committee] and drive") }, "\(plain)")
    for line in lines {
      #expect(line.contains("[") && line.contains("]"), "\(line)")
      #expect(
        !line.contains("**") && !line.contains("__") && !line.contains("\"* ") && !line.contains("\"- "), "\(line)")
    }
  }

  @Test func everyFormatListsWhatWasNotCountedAndWhy() throws {
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let text = """
      Responsibilities
      - Manage the project schedule, budget and risks for the clinic's new booking system.
      - You are not responsible for the <b>steering committee</b> & its reporting.
      """
    let analysis = try analyzer.analyze(Posting(id: "p", text: text, title: nil))
    try #require(analysis.ignored.contains { $0.reason == .negated && $0.phrase == "steering committee" })
    let renderer = PostingRenderer(pack: pack, width: 1000)
    let item = "\"steering committee\" (negated)"
    #expect(renderer.text(analysis, showText: false, showEvidence: true).contains("Not counted: \(item)"))
    #expect(renderer.render(analysis, as: .markdown).contains(#"**Not counted:** "steering committee" \(negated\)"#))
    let page = PostingHTML(pack: pack).render(analysis)
    #expect(page.contains("<strong>Not counted: </strong>&quot;steering committee&quot; (negated)"))
  }

  @Test func aHostileAnswerAndPersonAreShownAsText() throws {
    var sheet = AnswerSheet()
    sheet["resp.shared-devops"] = .choice("b")
    sheet["profile.track"] = .choice("current")
    var document = AssessmentDocument(AssessmentReport(pack: pack, answers: sheet), pack: pack)
    let item = try #require(document.evidence.indices.first)
    document.evidence[item].answer = Self.hostile
    let html = AssessmentHTML(pack: pack).render(document, person: Self.hostile)
    expectInert(html, showing: 2, "assessment")
  }

  /// A credential that only training stands between is dated from now, once trained; one that
  /// waits on experience has no date until the months are known.
  @Test func theLearningPathDatesWhatTrainingAloneOpens() throws {
    let url = TestPacks.repository.appendingPathComponent("eval/personas/developer-answering-to-look-senior.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let report = AssessmentReport(pack: pack, answers: try AnswerFile.parse(text, file: "persona", pack: pack))
    let document = AssessmentDocument(report, pack: pack)
    let capm = try #require(document.learningPath.first { $0.credential == "capm" })
    #expect(capm.status == Eligibility.Status.notEligible.rawValue && capm.openWithTraining == true)
    let html = AssessmentHTML(pack: pack).render(document, person: "Ana")
    let row = try #require(html.components(separatedBy: "<tr>").first { $0.contains(capm.title) })
    #expect(row.contains("once trained, from "), "\(row)")
    #expect(capm.statusText == "open to you: take the course")
  }

  /// A credential that waits on months and on training is dated, "once trained".
  @Test func theLearningPathDatesWhatMonthsAndTrainingOpen() throws {
    let url = TestPacks.repository.appendingPathComponent("eval/personas/project-manager-erp-public-sector.yaml")
    let text =
      try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: "profile.project-months: 60", with: "profile.project-months: 30")
      + "\nprofile.training-hours: 10\n"
    let report = AssessmentReport(pack: pack, answers: try AnswerFile.parse(text, file: "persona", pack: pack))
    let document = AssessmentDocument(report, pack: pack)
    let pmp = try #require(document.learningPath.first { $0.credential == "pmp" })
    #expect(pmp.status == Eligibility.Status.eligibleIn.rawValue && pmp.months == 6 && pmp.openWithTraining == true)
    #expect(pmp.statusText == "eligible in 6 months of project work, once trained")
    let html = AssessmentHTML(pack: pack).render(document, person: "Ana")
    let row = try #require(html.components(separatedBy: "<tr>").first { $0.contains(pmp.title) })
    #expect(row.contains("once trained, from "), "\(row)")
  }

  @Test func aHostileParticipantNoteAndWorkshopNameAreShownAsText() throws {
    let session = try TestWorkshops.session(
      pack: pack, name: "intro \(Self.hostile)", participants: ["Ana", Self.hostile, "Chen"], note: Self.hostile)
    let html = WorkshopReport(session: session, pack: pack).render(as: .html)
    // Name, participant (header and table) and note.
    expectInert(html, showing: 4, "workshop")
  }

  @Test func theWorkshopRecordSaysWhatOptionsWereAndClaimsNoFitFromVotes() throws {
    let session = try TestWorkshops.session(pack: pack)
    let document = WorkshopReport(session: session, pack: pack).document
    let first = try #require(document.items.first)
    #expect(first.rounds.count == 2)
    #expect(first.outcome == "converged", "the revote brought everyone to one option: \(first)")
    let options = session.options(for: session.items[0].item, pack: pack)
    #expect(first.options.map(\.text) == options.map(\.text))
    // Voted once: never "converged".
    #expect(document.items.filter { $0.rounds.count == 1 }.allSatisfy { $0.outcome != "converged" })
    // Only Ana imported an assessment; votes give Ben and Chen no fit and no learning needs.
    #expect(document.participants.map(\.imported) == [true, false, false])
    #expect(document.participants.filter { !$0.imported }.allSatisfy { $0.fit == nil && $0.missing.isEmpty })
    #expect(document.needs.allSatisfy { $0.of == 1 && $0.participants == 1 })
    // Time per section: the first section ran 14 minutes against its timebox.
    #expect(document.sections[0].spentMinutes == 14)
    let markdown = WorkshopReport(session: session, pack: pack).markdown()
    #expect(markdown.contains("| \(document.sections[0].title) | \(document.sections[0].minutes) min | 14 of"))
    for option in options { #expect(markdown.contains("- **\(option.id)**: \(option.text)")) }
    // Whole titles, no pack ids: no item or source id appears anywhere in the record.
    for entry in session.items { #expect(!markdown.contains(" \(entry.item.id)"), "\(entry.item.id)") }
    for source in pack.sources { #expect(!markdown.contains(source.id), "\(source.id)") }
    for item in document.items { #expect(markdown.contains("### \(item.number). \(MarkdownText.inline(item.text))\n")) }
  }
}
