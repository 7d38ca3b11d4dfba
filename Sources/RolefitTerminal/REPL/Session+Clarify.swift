import Foundation
import RolefitCore

extension Session {
  /// `clarify`: questions about a role to fill, then a classified posting outline.
  func clarify() -> Bool {
    guard !pack.clarify.isEmpty, let outliner = try? PostingOutliner(pack: pack) else {
      console.line("This content pack has no clarify questions (clarify.yaml) or no jd.yaml.")
      return true
    }
    if let intro = pack.clarifyIntro, reader.isInteractive { console.line(TextWrap.wrap(intro, width: console.width)) }
    var answers: [String: String] = [:]
    for (index, question) in pack.clarify.enumerated() {
      console.line("")
      console.line(styler.dim("[\(index + 1)/\(pack.clarify.count)] about the role"))
      console.line(styler.bold(TextWrap.wrap(question.text, width: console.width)))
      for option in question.options {
        console.line(
          TextWrap.wrap(
            option.text, width: console.width, indent: "     ", firstIndent: "  \(styler.bold(option.id))  "))
      }
      reader.completion = CompletionContext(firstWord: question.options.map(\.id) + ["skip", "quit"])
      asking: while true {
        switch reader.readLine(prompt: "[\(index + 1)/\(pack.clarify.count)] clarify> ", remember: false) {
        case .endOfInput: return false
        case .interrupted: continue
        case .line(let raw):
          let line = raw.trimmingCharacters(in: .whitespaces).lowercased()
          if line == "skip" { break asking }
          if line == "quit" {
            console.line("Stopped; nothing was drafted.")
            return true
          }
          if let option = question.options.first(where: { $0.id.lowercased() == line }) {
            answers[question.id] = option.id
            break asking
          }
          console.line(
            styler.warning("Choose one of: \(question.options.map(\.id).joined(separator: ", ")) (or skip, quit)."))
        }
      }
    }
    do {
      let draft = try outliner.draft(answers: answers)
      lastPosting = draft.analysis
      console.line("")
      console.text(postingRenderer.text(draft.analysis, showText: false, showRecommendations: false))
      console.line("")
      console.text(outliner.outline(duties: draft.duties, analysis: draft.analysis))
      if reader.isInteractive {
        console.line(styler.dim("jd save FILE keeps the analysis; copy the outline above into your posting."))
      }
    } catch {
      console.line(styler.warning("\(error)"))
    }
    return true
  }
}
