import Foundation
import RolefitCore

extension Session {
  /// `narrative`: paste experience summaries (or give a file) and see how they read;
  /// `narrative save FILE` keeps the last reading.
  func narrative(_ argument: String?) -> Bool {
    let words = argument?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
    switch words.first?.lowercased() {
    case "save": saveNarrative(to: words.count > 1 ? words[1] : nil)
    case let path?:
      guard let argument, let data = FileManager.default.contents(atPath: argument) else {
        console.line(styler.warning("No such file: \(path).") + " Type narrative alone to paste your summaries.")
        return true
      }
      readNarrative(Array(data), id: argument)
    case nil:
      if reader.isInteractive {
        console.line(
          "Paste your experience summaries (a # heading or a blank line between programs), then a line with a single . (or Ctrl-D)."
        )
      }
      guard let text = pastedNarrative() else {
        console.line("Cancelled; nothing was read.")
        return true
      }
      readNarrative(Array(text.utf8), id: "pasted summaries")
    }
    return true
  }

  /// Lines up to a line holding a single `.` or the end of input; `nil` when interrupted.
  private func pastedNarrative() -> String? {
    var lines: [String] = []
    while true {
      switch reader.readLine(prompt: reader.isInteractive ? "… " : "", remember: false) {
      case .line(let line):
        // A bracketed paste arrives as one buffer: its own "." line ends it.
        for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
          if part.trimmingCharacters(in: .whitespaces) == "." { return lines.joined(separator: "\n") }
          lines.append(part.replacingOccurrences(of: "\r", with: ""))
        }
      case .interrupted: return nil
      case .endOfInput: return lines.joined(separator: "\n")
      }
    }
  }

  private func readNarrative(_ bytes: [UInt8], id: String) {
    do {
      let text = try NarrativeReader.text(from: bytes, id: id)
      // The eligibility line needs a profile: the assessment answered in this session, if any.
      let answers = run?.answers ?? lastReport?.answers
      let profile = answers.map { Profile(answers: $0, pack: pack) }
      let report = try NarrativeReader(pack: pack).read(text, id: id, profile: profile)
      lastNarrative = report
      lastResult = .narrative
      console.line("")
      console.write(NarrativeRenderer(pack: pack, width: console.width, styler: styler).text(report))
      if reader.isInteractive {
        console.line(styler.dim("narrative save FILE keeps this (.md, .json or text); nothing is kept otherwise."))
      }
    } catch {
      console.line(styler.warning("\(error)"))
    }
  }

  func saveNarrative(to path: String?) {
    guard let report = lastNarrative else {
      console.line("No summaries read yet. Type narrative and paste them.")
      return
    }
    guard let path, !path.isEmpty else {
      console.line("Usage: save FILE (a .md file gets Markdown, .json JSON, anything else text).")
      return
    }
    let format = OutputFormat(path: path)
    do {
      try OutputFile.write(NarrativeRenderer(pack: pack).render(report, as: format), to: path, json: format == .json)
      console.line("Saved to \(path).")
    } catch {
      console.line(styler.warning("Cannot write \(path): \(error)"))
    }
  }
}
