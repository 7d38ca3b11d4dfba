import Foundation
import RolefitCore

extension Session {
  /// `jd`: paste a posting (or give a file), see the analysis; `jd explain PHRASE`, `jd save FILE`.
  func jobDescription(_ argument: String?) -> Bool {
    let words = argument?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
    switch words.first?.lowercased() {
    case "explain": explainPhrase(words.count > 1 ? words[1] : nil)
    case "save": savePosting(to: words.count > 1 ? words[1] : nil)
    case let path?:
      guard let argument, let data = FileManager.default.contents(atPath: argument) else {
        console.line(styler.warning("No such file: \(path).") + " Type jd alone to paste a posting.")
        return true
      }
      analyse(Posting(id: argument, text: String(decoding: data, as: UTF8.self)))
    case nil:
      if reader.isInteractive {
        console.line("Paste the job description, then a line with a single . (or Ctrl-D) to finish.")
      }
      var lines: [String] = []
      reading: while true {
        switch reader.readLine(prompt: reader.isInteractive ? "… " : "", remember: false) {
        case .line(let line) where line.trimmingCharacters(in: .whitespaces) == ".": break reading
        case .line(let line): lines.append(line)
        case .interrupted:
          console.line("Cancelled; nothing was analysed.")
          return true
        case .endOfInput: break reading
        }
      }
      analyse(Posting(id: "pasted posting", text: lines.joined(separator: "\n")))
    }
    return true
  }

  private func analyse(_ posting: Posting) {
    do {
      let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(posting)
      lastPosting = analysis
      console.line("")
      console.write(postingRenderer.text(analysis))
      do {
        try postings?.save(analysis, resultJSON: PostingRenderer(pack: pack).json(analysis))
      } catch {
        console.line(styler.warning("! This analysis was not saved: \(error)."))
      }
      if reader.isInteractive {
        console.line(
          styler.dim("jd explain PHRASE says why a phrase counts; jd save FILE keeps this (.md, .json or text)."))
      }
    } catch {
      console.line(styler.warning("\(error)"))
    }
  }

  var postingRenderer: PostingRenderer {
    PostingRenderer(pack: pack, width: console.width, styler: styler, colorHighlights: styler is ANSIStyler)
  }

  private func explainPhrase(_ phrase: String?) {
    guard let analysis = lastPosting else {
      console.line("No posting yet. Type jd and paste one.")
      return
    }
    guard let phrase, !phrase.isEmpty else {
      console.line(
        "Usage: jd explain PHRASE. Counted phrases: " + analysis.evidence.map(\.phrase).joined(separator: ", "))
      return
    }
    let needle = phrase.lowercased()
    let counted = analysis.evidence.filter { $0.phrase.lowercased().contains(needle) }
    let ignored = analysis.ignored.filter { $0.phrase.lowercased().contains(needle) }
    if counted.isEmpty && ignored.isEmpty {
      console.line(
        "No phrase matching '\(phrase)'. Counted: " + analysis.evidence.map(\.phrase).joined(separator: ", "))
      return
    }
    for item in counted {
      let weights = item.weights.sorted { $0.key < $1.key }.map { "\($0.key) +\(AnswerValue.number($0.value))" }
      console.line(
        styler.bold("\"\(item.phrase)\"") + " (at \(item.start)-\(item.end)): " + weights.joined(separator: ", "))
      console.line(TextWrap.wrap(item.reason, width: console.width, indent: "  ", firstIndent: "  "))
      if let claim = item.claim.flatMap({ pack.claim($0) }) {
        console.line(
          styler.dim(
            TextWrap.wrap(
              "Source [\(claim.source)]: \(claim.text)", width: console.width, indent: "    ", firstIndent: "  ")))
      }
    }
    for item in ignored {
      let why = item.reason == .negated ? "a negation comes just before it" : "it stands in company boilerplate"
      console.line(styler.bold("\"\(item.phrase)\"") + ": not counted, because \(why).")
    }
  }

  private func savePosting(to path: String?) {
    guard let analysis = lastPosting else {
      console.line("No posting to save yet. Type jd and paste one.")
      return
    }
    guard let path, !path.isEmpty else {
      console.line("Usage: jd save FILE (a .md file gets Markdown, .json JSON, anything else text).")
      return
    }
    let renderer = PostingRenderer(pack: pack, width: 80)
    let text =
      path.hasSuffix(".md")
      ? renderer.markdown(analysis) : path.hasSuffix(".json") ? renderer.json(analysis) : renderer.text(analysis)
    do {
      try OutputFile.write(text, to: path, json: path.hasSuffix(".json"))
      console.line("Saved to \(path).")
    } catch {
      console.line(styler.warning("Cannot save: \(error)"))
    }
  }
}
