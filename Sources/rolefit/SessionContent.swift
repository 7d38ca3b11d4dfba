import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// What a saved session holds, as `sessions show` (text) and `sessions export` (any format) give it.
enum SessionContent {
  static func render(
    _ record: SessionRecord, as format: OutputFormat, pack: ContentPack, store: DatabaseOptions, console: Console
  ) throws -> String {
    switch record.summary.kind {
    case .assessment:
      let report = AssessmentReport(pack: pack, answers: record.answers)
      let renderer = AssessmentRenderer(
        pack: pack, width: format == .text ? console.width : 80,
        styler: format == .text ? console.styler : PlainStyler())
      switch format {
      case .json: return renderer.render(report, as: .json)
      case .html:
        let unfinished =
          record.summary.isFinished
          ? nil
          : "Unfinished: \(record.summary.answered) of \(record.summary.total) questions answered; the result below is provisional."
        return AssessmentHTML(pack: pack).render(
          AssessmentDocument(report, pack: pack), person: record.summary.person, status: unfinished)
      case .text, .markdown: break
      }
      var out = ""
      if let person = record.summary.person {
        out += format == .markdown ? "**Person:** \(person)\n\n" : "Person: \(person)\n\n"
      }
      if !record.summary.isFinished {
        let progress = "Unfinished: \(record.summary.answered) of \(record.summary.total) questions answered."
        out += progress + (format == .markdown ? "\n\n" : " `rolefit sessions resume \(record.id)` goes on.\n\n")
      }
      out += renderer.answerList(report, as: format) + "\n"
      if record.summary.isFinished {
        out += format == .markdown ? renderer.render(report, as: .markdown) : renderer.render(report, as: .text)
      }
      return out
    case .workshop:
      let found = try WorkshopCommand.find(record.summary.title ?? "", store: store, pack: pack, reading: true)
      let report = WorkshopReport(session: found.session, pack: pack)
      return report.render(as: format)
    case .posting:
      guard let posting = record.posting else { return record.resultJSON ?? "{}\n" }
      let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(
        // The session's title is the posting's id when the posting had no title of its own.
        Posting(
          id: posting.id, text: posting.text, title: record.summary.title == posting.id ? nil : record.summary.title))
      let renderer = PostingRenderer(
        pack: pack, width: format == .text ? console.width : 80,
        styler: format == .text ? console.styler : PlainStyler())
      switch format {
      case .json: return renderer.json(analysis)
      case .markdown: return renderer.markdown(analysis)
      case .text: return renderer.text(analysis)
      case .html: return PostingHTML(pack: pack).render(analysis)
      }
    }
  }
}
