import Foundation
import RolefitCore

extension Session {
  /// Runs the assessment from where it stands until it ends or the user leaves it.
  ///
  /// Returns `false` when input ended (Ctrl-D or end of pipe) and the session should close.
  /// `fresh` (`assess new`) sets aside the unfinished run and starts again. With `short`, a new run
  /// is the short adaptive form (a paused run is resumed as it was).
  func assess(fresh: Bool = false, short: Bool = false) -> Bool {
    if !askName(again: fresh) { return false }
    if fresh {
      run = nil
      setAside = []
      recorder?.startAfresh()
    }
    let started = short ? AssessmentRun.short(pack: pack) : AssessmentRun(pack: pack)
    var current = run ?? started
    if current.isFinished && !current.isShort { current = started }
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
      let whose = recorder?.person.map { " (\($0))" } ?? ""
      console.line(
        resuming
          ? styler.bold("Resuming your assessment\(whose)")
            + " at question \(current.position + 1) of \(current.questions.count); assess new starts again."
          : current.isShort
            ? styler.bold("Short self-assessment\(whose)")
              + ": the profile, then questions until the verdict is stable. Answer with the option's letter"
              + " or number; help lists commands (back, skip, why, result)."
            : styler.bold("Self-assessment\(whose)")
              + ": \(current.questions.count) questions about your own work. Answer with the option's letter or number;"
              + " help lists commands (back, skip, why, result).")
      if recorder == nil {
        console.line(styler.dim("Nothing is saved: your answers last until you leave rolefit."))
      }
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
            recorder == nil
              ? "Stopped at question \(current.position + 1); nothing was saved, so your answers are gone."
              : saveFailed
                ? "Stopped at question \(current.position + 1); your answers could not be saved."
                : "Stopped at question \(current.position + 1); \(TextWrap.count(current.answeredCount, "answer")) kept. Type assess to go on."
          )
        }
        return false
      case .interrupted:
        continue
      case .line(let raw):
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty {
          // Enter on a question answered before (after `back`) keeps that answer.
          if let existing = current.answers[question.id] {
            current.answer(existing, seconds: current.answers.seconds[question.id])
            persist()
          } else {
            console.line(styler.dim(hint(for: question)))
          }
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
                "Assessment paused at question \(current.position + 1) with \(TextWrap.count(current.answeredCount, "answer"))"
                  + (recorder == nil ? " (kept until you leave rolefit; nothing is saved)." : ".")
                  + " Type assess to go on.")
              return true
            default: break
            }
          } else if Command.named(word, in: Command.main) != nil && word.count > 2 {
            console.line("Finish or quit the assessment first (quit keeps your answers).")
          } else {
            console.line(styler.warning(error.atPrompt))
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

  /// Asks whose assessment this is, once, when answers are kept and no name was given; `again`
  /// asks even so (`assess new`: someone else may be at the keyboard), Enter keeping the name.
  ///
  /// Returns `false` when input ended while asking.
  func askName(again: Bool = false) -> Bool {
    guard let recorder, !nameKnown || again else { return true }
    nameKnown = true
    guard reader.isInteractive else { return true }
    let current = recorder.person
    console.line(
      "Whose assessment is this? Your name keeps your results and history apart from anyone else's on this computer"
        + (current.map { " (Enter to stay \($0))." } ?? " (Enter to leave it unnamed)."))
    switch reader.readLine(prompt: "name> ", remember: false) {
    case .endOfInput: return false
    case .interrupted: return true
    case .line(let line):
      let name = line.trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty, name != current else { return true }
      recorder.choose(person: name)
      // This person's unfinished assessment, if any; else an unnamed run in progress becomes theirs.
      if let resumable = recorder.resumableRun(pack: pack) {
        run = resumable.run
        setAside = resumable.setAside
      } else if current != nil {
        run = nil
      }
      lastReport = nil
      return true
    }
  }

  private func finish(_ current: AssessmentRun) {
    var report = AssessmentReport(pack: pack, answers: current.answers)
    if current.isShort { report.asked = current.questions.map(\.id).filter { current.answers[$0] != nil } }
    lastReport = report
    lastResult = .assessment
    console.line("")
    console.text(renderer.summary(report, more: AssessmentRenderer.moreHint(command: "details")))
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
      let history =
        recorder == nil
        ? ""
        : " `rolefit history" + (recorder?.person.map { " --person \"\($0)\"" } ?? "")
          + "` shows your results over time."
      console.line(
        styler.dim(
          "save FILE writes this result (.md, .json or .html); cert ID shows a certification; assess new starts again."
            + history))
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
      // Options keyed by words (education levels, credentials) are numbered too: either can be typed.
      let numbered = question.options.contains { $0.id.count > 1 && Int($0.id) == nil }
      let numberWidth = numbered ? String(question.options.count).count + 2 : 0
      let width = question.options.map(\.id.count).max() ?? 1
      for (index, option) in question.options.enumerated() {
        let id = option.id.padding(toLength: width, withPad: " ", startingAt: 0)
        let number = numbered ? "\(index + 1)".padding(toLength: numberWidth, withPad: " ", startingAt: 0) : ""
        console.line(
          TextWrap.wrap(
            option.text, width: console.width, indent: String(repeating: " ", count: numberWidth + width + 4),
            firstIndent: "  \(number)\(styler.bold(id))  "))
      }
    }
    if let existing = current.answers[question.id] {
      let words = question.kind == .number ? "\(existing)" : "\(existing) (\(question.describe(existing)))"
      console.line(
        styler.dim(
          TextWrap.wrap(
            "  Your earlier answer: \(words). Press Enter to keep it, type a new one, or skip to clear it.",
            width: console.width, indent: "  ")))
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
      console.line(TextWrap.wrap("Source: \(claim.text)", width: console.width, indent: "    ", firstIndent: "  "))
      console.line(
        styler.dim(TextWrap.wrap("from “\(title)”", width: console.width, indent: "    ", firstIndent: "    ")))
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
    console.text(renderer.summary(report, more: nil))
  }
}
