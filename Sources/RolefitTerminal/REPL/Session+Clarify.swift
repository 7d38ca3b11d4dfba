import Foundation
import RolefitCore

extension Session {
  /// `clarify`: questions about a role to fill, then a classified posting outline;
  /// `clarify save FILE` writes the outline last shown, as shown.
  func clarify(_ argument: String? = nil) -> Bool {
    if let argument {
      let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
      guard words.first?.lowercased() == "save", words.count == 2 else {
        console.line("Usage: clarify, then clarify save FILE to keep the outline it shows.")
        return true
      }
      saveOutline(to: words[1].trimmingCharacters(in: .whitespaces))
      return true
    }
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
      // What is shown is what `clarify save` writes: the reading and the outline, without colour.
      let plain = PostingRenderer(pack: pack, width: console.width)
      lastResult = .outline
      lastOutline =
        plain.text(
          draft.analysis, showText: false, showRecommendations: false, allEvidenceHint: "jd explain lists them.") + "\n"
        + outliner.outline(duties: draft.duties, analysis: draft.analysis)
      console.line("")
      console.text(
        postingRenderer.text(
          draft.analysis, showText: false, showRecommendations: false, allEvidenceHint: "jd explain lists them."))
      console.line("")
      console.text(outliner.outline(duties: draft.duties, analysis: draft.analysis))
      if reader.isInteractive {
        console.line(styler.dim("clarify save FILE keeps this outline; jd save FILE keeps the analysis."))
      }
    } catch {
      console.line(styler.warning("\(error)"))
    }
    return true
  }

  func saveOutline(to path: String?) {
    guard let outline = lastOutline else {
      console.line("No outline yet. Type clarify and answer its questions first.")
      return
    }
    guard let path, !path.isEmpty else {
      console.line("Usage: save FILE (the outline as shown, in plain text).")
      return
    }
    do {
      try OutputFile.write(outline, to: path, json: false)
      console.line("Saved the outline to \(path).")
    } catch {
      console.line(styler.warning("Cannot write \(path): \(error)"))
    }
  }
}
