import Foundation
import RolefitCore
import Testing

/// The built binary, used as people and scripts use it.
@Suite(.serialized) struct AssessmentEndToEndTests {
  let pack: ContentPack

  init() throws { pack = try RolefitBinary.bundledPack() }

  /// One valid answer per question, in the order the session asks them, leaning program.
  func programAnswers() -> [String] {
    AssessmentRun(pack: pack).questions.map { question in
      switch question.kind {
      case .number: return String(Int(min(question.number?.maximum ?? 24, 24)))
      case .multi:
        return question.options.filter { ($0.weights["program-manager"] ?? 0) > ($0.weights["project-manager"] ?? 0) }
          .map(\.id).first ?? question.optionIDs[0]
      default:
        return question.options.max {
          ($0.weights["program-manager"] ?? 0) - ($0.weights["project-manager"] ?? 0)
            < ($1.weights["program-manager"] ?? 0) - ($1.weights["project-manager"] ?? 0)
        }?.id ?? question.optionIDs[0]
      }
    }
  }

  @Test func pipedAnswersGiveAResultWithoutReadlineEcho() throws {
    let input = (["assess"] + programAnswers()).joined(separator: "\n") + "\n"
    let outcome = try RolefitBinary.run([], input: input)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("Your work is program management: "))
    #expect(outcome.stdout.contains("Next: "))
    #expect(!outcome.stdout.contains("rolefit> "), "plain reading shows no prompts")
  }

  @Test func assessAnswersFileAsJSON() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("answers.yaml")
    try
      "resp.shared-devops: a\nprofile.education: bachelor\nprofile.project-months: 36\nprofile.training-hours: 35\nprofile.certifications: [csm]\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["assess", "--answers", file.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let fit = try #require(json["fit"] as? [String: Any])
    #expect(fit["role"] as? String == "program-manager")
    #expect((fit["confidence"] as? Double ?? 1) < 0.3, "one answer gives little confidence")
    #expect(fit["stability"] is Double)
    #expect(fit["evidenceStrength"] as? Double == 1)
    #expect(fit["otherRole"] as? Bool == false)
    #expect(json["track"] as? String == "current")
    #expect(json["qualityFlags"] as? [String] == [])
    #expect(json["asked"] == nil, "only the short form lists what it asked")
    let scores = try #require(json["scores"] as? [String: Double])
    #expect(abs(scores.values.reduce(0, +) - 1) < 0.001)
    #expect(json["areas"] is [[String: Any]])
    #expect(json["evidence"] is [[String: Any]])
    let path = try #require(json["learningPath"] as? [[String: Any]])
    #expect(
      path.allSatisfy { ["eligible", "eligible-in", "not-eligible", "held"].contains($0["status"] as? String ?? "") })
    #expect(path.allSatisfy { $0["credential"] is String && $0["detail"] is String })
  }

  @Test func theShortFormReplaysAnAnswersFileAndListsWhatItAsked() throws {
    let role = try #require(pack.otherRoles.first)
    var lines = ["profile.track: current", "profile.project-months: 24"]
    for question in Scorer(pack: pack).questions(for: .current) {
      let option = try #require(question.options.first { ($0.weights[role.id] ?? 0) > 0 })
      lines.append("\(question.id): \(option.id)")
    }
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("answers.yaml")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["assess", "--short", "--answers", file.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let asked = try #require(json["asked"] as? [String])
    #expect(asked.prefix(2) == ["profile.track", "profile.project-months"])
    #expect(asked.count < lines.count, "a clear respondent is not asked everything")
    #expect((json["answers"] as? [String: String]).map { Set($0.keys) } == Set(asked))
    #expect((json["fit"] as? [String: Any])?["role"] as? String == role.id)
    // Without --answers the session asks the short form: the profile first, then a scored question.
    let profile = ShortForm(pack: pack).profileQuestions.map { $0.kind == .number ? "12" : $0.optionIDs[0] }
    let session = try RolefitBinary.run(
      ["assess", "--short", "--no-save"], input: (profile + ["quit"]).joined(separator: "\n") + "\n")
    #expect(session.status == 0, "\(session.stderr)")
    #expect(session.stdout.contains("Assessment paused at question \(profile.count + 1)"))
  }

  @Test func questionsJSONHasRolesQuestionsOptionsAndWeights() throws {
    let outcome = try RolefitBinary.run(["questions", "--format", "json"])
    #expect(outcome.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let roles = try #require(json["roles"] as? [[String: Any]])
    #expect(roles.compactMap { $0["id"] as? String } == pack.assessedRoles.map(\.id))
    let questions = try #require(json["questions"] as? [[String: Any]])
    #expect(questions.count == pack.questions.count)
    let education = try #require(questions.first { $0["id"] as? String == "profile.education" })
    let options = try #require(education["options"] as? [[String: Any]])
    #expect(options.allSatisfy { $0["weights"] == nil })
  }

  @Test func badInputGetsAOneLineErrorAndASysexitsStatus() throws {
    let missing = try RolefitBinary.run(["assess", "--answers", "/nonexistent/answers.yaml"])
    #expect(missing.status == 66)
    #expect(missing.stderr == "rolefit: /nonexistent/answers.yaml: no such answers file\n")

    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("bad.yaml")
    try "resp.shared-devops: z\n".write(to: file, atomically: true, encoding: .utf8)
    let bad = try RolefitBinary.run(["assess", "--answers", file.path])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("bad.yaml:1:21: error: 'z' is not an option of resp.shared-devops"))

    let usage = try RolefitBinary.run(["assess", "--format", "pdf"])
    #expect(usage.status == 64)

    let noPack = try RolefitBinary.run(["questions", "--content", folder.path])
    #expect(noPack.status == 66)
    #expect(noPack.stderr.contains("no content pack at"))

    let typo = try RolefitBinary.run(["asses"])
    #expect(typo.status == 64)
    #expect(
      typo.stderr.hasPrefix("rolefit: unknown command 'asses' (did you mean 'assess'?). Commands: start, assess,"))
    #expect(!typo.stderr.dropLast().contains("\n"))
  }

  @Test func aMalformedContentPackStopsWithFileLineColumnAnd65() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let source = RolefitBinary.repository.appendingPathComponent("content/examples/trainer-pack")
    let pack = folder.appendingPathComponent("pack")
    try FileManager.default.copyItem(at: source, to: pack)
    let questions = pack.appendingPathComponent("questions/work.yaml")
    let text = try String(contentsOf: questions, encoding: .utf8).replacingOccurrences(
      of: "type: forced", with: "type: forcd")
    try text.write(to: questions, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(
      ["questions"], environment: RolefitBinary.environment(["ROLEFIT_CONTENT": pack.path]))
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("/questions/work.yaml:14:11: error: unknown question type 'forcd'"))
    #expect(outcome.stderr.contains("(did you mean 'forced'?)"))
  }

  @Test func ctrlCClearsTheLineAndNeverKillsTheSession() throws {
    #expect(
      FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"), "util-linux's setsid gives the pty a session")
    let terminal = try PseudoTerminal(environment: RolefitBinary.environment(), controlling: true)
    #expect(terminal.waitFor("rolefit> "))
    terminal.type("half a line")
    terminal.type("\u{3}")
    usleep(300_000)
    #expect(terminal.isRunning, "Ctrl-C must not end the session")
    let beforeHelp = terminal.mark
    terminal.type("help\r")
    #expect(terminal.waitFor("Commands"), "\(terminal.screen)")
    #expect(!terminal.screen.contains("Unknown command 'half"), "the cleared text was not submitted")
    // Ctrl-D only once readline reads again: typed while the terminal is between lines, the
    // line discipline would take it as end of file and drop it. The prompt looked for is the one
    // drawn after the whole help list (a redraw after Ctrl-C can land after `beforeHelp`).
    #expect(terminal.waitFor("Ctrl-D does too", after: beforeHelp))
    let end = try #require(terminal.screen.range(of: "Ctrl-D does too", options: .backwards))
    let afterHelp = terminal.screen.utf8.distance(from: terminal.screen.startIndex, to: end.upperBound)
    #expect(terminal.waitFor("rolefit> ", after: afterHelp))
    terminal.type("\u{4}")
    #expect(terminal.waitForExit() == 0, "Ctrl-D at an empty prompt leaves cleanly")
  }

  @Test func underAPseudoTerminalReadlineCompletesAndTheSessionAnswers() throws {
    let terminal = try PseudoTerminal(environment: RolefitBinary.environment())
    #expect(terminal.waitFor("rolefit> "))
    terminal.type("ass\t\r")  // Tab completes "assess"
    #expect(terminal.waitFor("Whose assessment is this?"))
    #expect(terminal.waitFor("name> "))
    terminal.type("Ana\r")
    #expect(terminal.waitFor("Self-assessment (Ana)"))
    #expect(terminal.waitFor("[1/"))
    let questions = AssessmentRun(pack: pack).questions
    let first = questions[0]
    // An answer completed with Tab: an option whose first letter starts no command.
    let commands = ["back", "skip", "why", "progress", "result", "help", "quit"]
    let completable = try #require(first.optionIDs.first { id in !commands.contains { $0.hasPrefix(id.prefix(1)) } })
    terminal.type("\(completable.prefix(1))\t\r")
    #expect(terminal.waitFor("[2/\(questions.count)] rolefit> "))
    terminal.type("back\r")
    #expect(terminal.waitFor("Your earlier answer: \(completable) ("))
    // Tab completes the option after its first letter when it is unique among options and commands.
    terminal.type("\(first.optionIDs[1])\r")
    #expect(terminal.waitFor("[2/\(questions.count)] rolefit> "))
    terminal.type("back\r")
    #expect(terminal.waitFor("Your earlier answer: \(first.optionIDs[1]) ("))
    terminal.type("wh\t\r")  // "why"
    #expect(terminal.waitFor("Measures: "))
    terminal.type("\(first.optionIDs[0])\r")
    #expect(terminal.waitFor("[2/\(questions.count)] rolefit> "))
    terminal.type("resu\t\r")
    // Only the profile's first question (the track) is answered, so the interim result has no verdict yet.
    #expect(terminal.waitFor("So far (1 answer"))
    #expect(terminal.waitFor("there is no verdict"))
    let beforeQuit = terminal.mark
    terminal.type("quit\r")
    #expect(terminal.waitFor("Assessment paused"))
    #expect(terminal.waitFor("rolefit> ", after: beforeQuit))
    terminal.type("\u{4}")
    #expect(terminal.waitForExit() == 0)
  }
}

/// The README's examples must keep working as written.
@Suite struct ReadmeTests {
  @Test func theAnswersFileExampleIsValid() throws {
    let readme = try String(contentsOf: RolefitBinary.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\n"))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("readme.yaml")
    try String(readme[start.upperBound..<end.lowerBound]).write(to: file, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["assess", "--answers", file.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
  }
}
