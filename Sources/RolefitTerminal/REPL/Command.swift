/// A REPL command: its name, what it takes, and one line of help.
struct Command: Sendable {
  var name: String
  var argument: String?
  var summary: String

  var usage: String { argument.map { "\(name) \($0)" } ?? name }

  /// Commands at the main prompt.
  static let main: [Command] = [
    Command(
      name: "assess", argument: "[new] [short]",
      summary: "take the self-assessment (or resume it); new starts again, short is the adaptive form"),
    Command(name: "jd", argument: "[FILE]", summary: "analyse a job description: paste it, or give a file"),
    Command(
      name: "clarify", summary: "no posting yet? answer questions about the role, get an outline (clarify save FILE)"),
    Command(
      name: "narrative", argument: "[FILE]",
      summary: "rehearse your PgMP experience summaries: paste them, or give a file (narrative save FILE)"),
    Command(name: "workshop", argument: "new|resume NAME", summary: "run a group calibration workshop (workshop list)"),
    Command(name: "result", summary: "show your last result again (the first screen)"),
    Command(name: "details", summary: "the rest of the last result: areas, evidence, what would change it, the path"),
    Command(name: "save", argument: "FILE", summary: "save the last result (.md, .json, .html or text)"),
    Command(name: "cert", argument: "ID", summary: "a certification's rules and where you stand"),
    Command(name: "role", argument: "ID", summary: "what a role is, from the sources"),
    Command(name: "help", summary: "this list"),
    Command(name: "quit", summary: "leave (Ctrl-D does too)"),
  ]

  /// Commands while answering questions.
  static let assessment: [Command] = [
    Command(name: "back", summary: "change the previous answer"),
    Command(name: "skip", summary: "leave this question unanswered"),
    Command(name: "why", summary: "what this question measures and its source"),
    Command(name: "progress", summary: "how far you are, per area"),
    Command(name: "result", summary: "score what you have answered so far"),
    Command(name: "help", summary: "this list"),
    Command(name: "quit", summary: "stop the assessment (your answers are kept)"),
  ]

  /// The command a word names, allowing a unique prefix of three letters or more.
  static func named(_ word: String, in commands: [Command]) -> Command? {
    let lowered = word.lowercased()
    if let exact = commands.first(where: { $0.name == lowered }) { return exact }
    if lowered == "exit" || lowered == "q" { return commands.first { $0.name == "quit" } }
    if lowered == "?" { return commands.first { $0.name == "help" } }
    let prefixed = commands.filter { $0.name.hasPrefix(lowered) }
    return lowered.count >= 3 && prefixed.count == 1 ? prefixed[0] : nil
  }
}
