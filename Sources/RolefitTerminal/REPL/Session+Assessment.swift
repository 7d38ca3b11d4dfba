import Foundation
import RolefitCore

extension Session {
  /// Runs the assessment from where it stands until it ends or the user leaves it.
  ///
  /// Returns `false` when input ended (Ctrl-D or end of pipe) and the session should close.
  /// With `short`, a new run is the short adaptive form (a paused run is resumed as it was).
  func assess(short: Bool = false) -> Bool {
    let fresh = short ? AssessmentRun.short(pack: pack) : AssessmentRun(pack: pack)
    var current = run ?? fresh
    if current.isFinished && !current.isShort { current = fresh }
    let shortForm = ShortForm(pack: pack)
    /// In the short form, the next question is chosen once the ones so far are passed.
    func extend() {
      guard current.isShort, current.isFinished,
        let next = shortForm.next(after: current.answers, passed: Set(current.questions.map(\.id)))
      else { return }
      current.append(next)
    }
    if !setAside.isEmpty {
      console.line(
        styler.warning(
          "This content version no longer asks \(setAside.joined(separator: ", ")); those answers were set aside.")
          + " New questions are asked.")
      setAside = []
    }
    if reader.isInteractive {
      let resuming = current.answeredCount > 0
      console.line(
        resuming
          ? styler.bold("Resuming your assessment")
            + " at question \(current.position + 1) of \(current.questions.count)."
          : current.isShort
            ? styler.bold("Short self-assessment")
              + ": the profile, then questions until the verdict is stable. Answer with the option's letter"
              + " or number; help lists commands (back, skip, why, result)."
            : styler.bold("Self-assessment")
              + ": \(current.questions.count) questions about your own work. Answer with the option's letter or number;"
              + " help lists commands (back, skip, why, result).")
    }
    var shownAt = clock()
    var lastShown: String?
    var saveFailed = false
    func persist() {
      guard let recorder, !saveFailed else { return }
      do {
        try recorder.save(current, pack: pack)
      } catch {
        saveFailed = true
        console.line(styler.warning("! Your answers are not being saved: \(error). The assessment goes on in memory."))
      }
    }

    while true {
      extend()
      guard let question = current.current else { break }
      if lastShown != question.id {
        show(question, in: current)
        lastShown = question.id
        shownAt = clock()
      }
      reader.completion = completion(for: question)
      let prompt = "[\(current.position + 1)/\(current.questions.count)] rolefit> "
      switch reader.readLine(prompt: prompt, remember: false) {
      case .endOfInput:
        run = current
        persist()
        if current.answeredCount > 0 {
          console.line("")
          console.line(
            "Stopped at question \(current.position + 1); \(TextWrap.count(current.answeredCount, "answer")) kept. Type assess to go on."
          )
        }
        return false
      case .interrupted:
        continue
      case .line(let raw):
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty {
          console.line(styler.dim(hint(for: question)))
          continue
        }
        switch question.parseAnswer(line) {
        case .success(let value):
          // Only a person's pace means anything: piped answers are not timed.
          current.answer(value, seconds: reader.isInteractive ? clock() - shownAt : nil)
          persist()
          continue
        case .failure(let error):
          let word = String(line.split(separator: " ").first ?? "")
          if let command = Command.named(word, in: Command.assessment) {
            switch command.name {
            case "back":
              if current.back() {
                lastShown = nil
                persist()
              } else {
                console.line("This is the first question.")
              }
            case "skip":
              current.skip()
              persist()
            case "why": why(question)
            case "progress": progress(current)
            case "result": interimResult(current)
            case "help": help(Command.assessment, title: "While answering")
            case "quit":
              run = current
              persist()
              console.line(
                "Assessment paused at question \(current.position + 1) with \(TextWrap.count(current.answeredCount, "answer")). Type assess to go on."
              )
              return true
            default: break
            }
          } else if Command.named(word, in: Command.main) != nil && word.count > 2 {
            console.line("Finish or quit the assessment first (quit keeps your answers).")
          } else {
            console.line(styler.warning(error.description))
            if let near = EditDistance.suggestion(for: word, among: Command.assessment.map(\.name)), word.count > 2 {
              console.line("Did you mean '\(near)'?")
            }
          }
        }
      }
    }
    run = current
    finish(current)
    return true
  }

  private func finish(_ current: AssessmentRun) {
    var report = AssessmentReport(pack: pack, answers: current.answers)
    if current.isShort { report.asked = current.questions.map(\.id).filter { current.answers[$0] != nil } }
    lastReport = report
    console.line("")
    console.write(renderer.render(report, as: .text))
    if let recorder {
      do {
        try recorder.finish(current, report: report, pack: pack)
      } catch {
        console.line(styler.warning("! The result could not be saved: \(error)."))
      }
    }
    run = nil
    if reader.isInteractive {
      console.line("")
      console.line(
        styler.dim("save FILE writes this result (.md or .json); cert ID shows a certification; assess starts again."))
    }
  }

  func show(_ question: Question, in current: AssessmentRun) {
    let area = pack.area(question.area)?.name ?? question.area
    console.line("")
    console.line(
      styler.dim("[\(current.position + 1)/\(current.questions.count)] \(area) · \(kindName(question.kind))"))
    console.line(styler.bold(TextWrap.wrap(question.text, width: console.width)))
    switch question.kind {
    case .number:
      if let spec = question.number {
        console.line(
          styler.dim(
            "  Enter a number of \(spec.unit.isEmpty ? "units" : spec.unit) (\(AnswerValue.number(spec.minimum))-\(AnswerValue.number(spec.maximum)))."
          ))
      }
    default:
      let width = question.options.map(\.id.count).max() ?? 1
      for option in question.options {
        let id = option.id.padding(toLength: width, withPad: " ", startingAt: 0)
        console.line(
          TextWrap.wrap(
            option.text, width: console.width, indent: String(repeating: " ", count: width + 4),
            firstIndent: "  \(styler.bold(id))  "))
      }
    }
    if let existing = current.answers[question.id] {
      console.line(styler.dim("  Your earlier answer: \(existing). Enter a new one, or skip to clear it."))
    }
  }

  private func kindName(_ kind: Question.Kind) -> String {
    switch kind {
    case .single: return "pick one"
    case .likert: return "how much do you agree?"
    case .forced: return "which is closer to your work?"
    case .multi: return "pick all that apply (separate with spaces), or none"
    case .number: return "a number"
    case .yesno: return "yes or no"
    }
  }

  private func hint(for question: Question) -> String {
    let answers = question.kind == .number ? "a number" : question.optionIDs.joined(separator: ", ")
    return "Answer with \(answers) · or back, skip, why, progress, result, help, quit"
  }

  private func completion(for question: Question) -> CompletionContext {
    let options = question.kind == .number ? [] : question.optionIDs
    return CompletionContext(
      firstWord: options + Command.assessment.map(\.name),
      laterWords: question.kind == .multi ? options : [])
  }

  private func why(_ question: Question) {
    console.line(TextWrap.wrap("Measures: \(question.measures)", width: console.width, indent: "  "))
    for claim in question.claims.compactMap({ pack.claim($0) }) {
      let title = pack.source(claim.source)?.title ?? claim.source
      console.line(
        TextWrap.wrap(
          "Source [\(claim.source)]: \(claim.text)", width: console.width, indent: "    ", firstIndent: "  "))
      console.line(styler.dim("    from “\(title)”"))
    }
  }

  private func progress(_ current: AssessmentRun) {
    console.line(
      "Question \(min(current.position + 1, current.questions.count)) of \(current.questions.count); \(current.answeredCount) answered."
    )
    for area in pack.areas {
      let inArea = current.questions.filter { $0.area == area.id }
      guard !inArea.isEmpty else { continue }
      let answered = inArea.filter { current.answers[$0.id] != nil }.count
      console.line("  \(area.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(answered)/\(inArea.count)")
    }
  }

  private func interimResult(_ current: AssessmentRun) {
    let report = AssessmentReport(pack: pack, answers: current.answers)
    console.line(
      styler.dim("So far (\(TextWrap.count(current.answeredCount, "answer")); confidence grows as you answer more):"))
    console.write(renderer.render(report, as: .text))
  }
}
