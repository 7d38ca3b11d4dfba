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
        case .line(let line):
          // A bracketed paste arrives as one buffer holding every line: its own "." line ends it.
          for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
            if part.trimmingCharacters(in: .whitespacesAndNewlines) == "." { break reading }
            lines.append(String(part).replacingOccurrences(of: "\r", with: ""))
          }
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
      lastResult = .posting
      console.line("")
      console.text(postingRenderer.text(analysis, allEvidenceHint: "jd explain lists them."))
      do {
        try postings?.save(analysis, resultJSON: PostingRenderer(pack: pack).json(analysis))
      } catch {
        console.line(styler.warning("! This analysis was not saved: \(error)."))
      }
      if reader.isInteractive {
        console.line(
          styler.dim("jd explain PHRASE says why a phrase counts; save FILE keeps this (.md, .json, .html or text).")
        )
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
      // Every phrase that counted, and what was set aside: the reading's full evidence.
      console.text(postingRenderer.text(analysis, showText: false, showRecommendations: false, showEvidence: true))
      console.line(styler.dim("jd explain PHRASE says more about one of them."))
      return
    }
    let needle = phrase.lowercased()
    let counted = analysis.evidence.filter { $0.phrase.lowercased().contains(needle) }
    let ignored = analysis.ignored.filter { $0.phrase.lowercased().contains(needle) }
    if counted.isEmpty && ignored.isEmpty {
      console.line(
        "No phrase matching '\(phrase)'. "
          + (analysis.evidence.isEmpty
            ? "No phrase counted in this posting."
            : "Counted: " + analysis.evidence.map(\.phrase).joined(separator: ", ")))
      return
    }
    for item in counted {
      console.line(
        styler.bold("\"\(item.phrase)\"") + " (at \(item.start)-\(item.end)): " + postingRenderer.counted(item))
      console.line(TextWrap.wrap(item.reason, width: console.width, indent: "  ", firstIndent: "  "))
      if let claim = item.claim.flatMap({ pack.claim($0) }) {
        console.line(
          styler.dim(
            TextWrap.wrap(
              "Source: \(claim.text) (“\(pack.source(claim.source)?.title ?? claim.source)”)", width: console.width,
              indent: "    ", firstIndent: "  ")))
      }
    }
    for item in ignored {
      let why =
        switch item.reason {
        case .negated: "a negation comes just before it"
        case .boilerplate: "it stands in company boilerplate"
        case .related:
          "it is named as work the role relates to (reporting to, supporting, working with), not work it does"
        case .anotherKind:
          "it points only to a kind of role other than the one this posting's other-role phrases gather on "
            + "(a broad role touches such work without being it)"
        }
      console.line(styler.bold("\"\(item.phrase)\"") + ": not counted, because \(why).")
    }
  }

  func savePosting(to path: String?) {
    guard let analysis = lastPosting else {
      console.line("No posting to save yet. Type jd and paste one.")
      return
    }
    guard let path, !path.isEmpty else {
      console.line("Usage: save FILE (a .md file gets Markdown, .json JSON, .html a page, anything else text).")
      return
    }
    let format = OutputFormat(path: path)
    do {
      try OutputFile.write(
        PostingRenderer(pack: pack, width: 80).render(analysis, as: format), to: path, json: format == .json)
      console.line("Saved to \(path).")
    } catch {
      console.line(styler.warning("Cannot save: \(error)"))
    }
  }
}
