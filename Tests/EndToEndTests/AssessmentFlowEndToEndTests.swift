import Foundation
import RolefitCore
import Testing

/// The wrong answers of issue 11, as a user meets them: each test runs the built binary.
@Suite(.serialized) struct AssessmentFlowEndToEndTests {
  let pack: ContentPack

  init() throws { pack = try RolefitBinary.bundledPack() }

  var questions: [Question] { AssessmentRun(pack: pack).questions }

  /// Output with its wrapped lines joined again, to look for a phrase wherever the line broke.
  func unwrapped(_ text: String) -> String {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  /// The answer to a question that leans furthest to `role`, as typed at the prompt.
  func leaning(_ question: Question, to role: String) -> String {
    let other = role == "project-manager" ? "program-manager" : "project-manager"
    switch question.kind {
    case .number: return role == "project-manager" ? "1" : "4"
    case .multi:
      return question.options.filter { ($0.weights[role] ?? 0) > ($0.weights[other] ?? 0) }.map(\.id).joined(
        separator: " ")
    default:
      return question.options.max {
        ($0.weights[role] ?? 0) - ($0.weights[other] ?? 0) < ($1.weights[role] ?? 0) - ($1.weights[other] ?? 0)
      }?.id ?? question.optionIDs[0]
    }
  }

  /// An answers file for a persona: scored answers leaning to `role`, and a profile.
  func persona(_ role: String, profile: String) throws -> String {
    var lines: [String] = []
    for question in pack.scoredQuestions {
      let answer = leaning(question, to: role)
      switch question.kind {
      case .number: lines.append("\(question.id): \(answer)")
      case .multi: lines.append("\(question.id): [\(answer.split(separator: " ").joined(separator: ", "))]")
      default: lines.append("\(question.id): \"\(answer)\"")
      }
    }
    let file = try RolefitBinary.temporaryDirectory().appendingPathComponent("\(role).yaml")
    try (lines.joined(separator: "\n") + "\n" + profile).write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// Typed answers for the whole assessment, leaning to `role`, profile questions answered plainly.
  func typed(_ role: String) -> [String] {
    questions.map { question in
      guard question.area == "profile" else { return leaning(question, to: role) }
      return question.kind == .number ? "12" : question.optionIDs[0]
    }
  }

  // MARK: The learning path

  @Test func anExperiencedPMPHolderGetsAGrowthPathNotAStartOver() throws {
    let file = try persona(
      "project-manager",
      profile:
        "profile.education: bachelor\nprofile.project-months: 72\nprofile.program-months: 0\nprofile.agile-months: 30\nprofile.training-hours: 40\nprofile.certifications: [pmp]\n"
    )
    let first = try RolefitBinary.run(["assess", "--answers", file])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.hasPrefix("Your work is project management: "))
    #expect(unwrapped(first.stdout).contains("PgMP: eligible in 48 months of program work"))
    let details = try RolefitBinary.run(["assess", "--answers", file, "--details"])
    #expect(details.stdout.contains("Learning path: Growing as a senior project manager"))
    #expect(!details.stdout.contains("CAPM"))
    #expect(!details.stdout.contains("Run one project end to end"))
    #expect(details.stdout.contains("Already behind you: PMP (held)"))
    #expect(details.stdout.contains("From project manager to program manager"))
    #expect(details.stdout.contains("PMI-ACP"))
  }

  @Test func aProgramManagerWithAPMPAndSAFeStartsAtThePgMP() throws {
    let file = try persona(
      "program-manager",
      profile:
        "profile.education: bachelor\nprofile.project-months: 60\nprofile.program-months: 30\nprofile.agile-months: 24\nprofile.training-hours: 60\nprofile.certifications: [pmp, safe-agilist]\n"
    )
    let first = try RolefitBinary.run(["assess", "--answers", file])
    #expect(first.stdout.hasPrefix("Your work is program management: "))
    #expect(unwrapped(first.stdout).contains("PgMP: eligible in 18 months of program work"))
    let details = try RolefitBinary.run(["assess", "--answers", file, "--details"])
    #expect(details.stdout.contains("Learning path: Growing as a program manager"))
    #expect(details.stdout.contains("Already behind you: PMP (held)"))
    #expect(!details.stdout.contains("SAFe Agilist: Certified SAFe Agilist"), "held, so not a step ahead")
  }

  @Test func certShowsEveryRouteWithItsRulesIncludingGAC() throws {
    let pgmp = try RolefitBinary.run(["--no-save"], input: "cert pgmp\n")
    #expect(pgmp.stdout.contains("84 months of program experience within the last 15 years"))
    #expect(pgmp.stdout.contains("With a degree from a GAC-accredited programme"))
    #expect(pgmp.stdout.contains("36 months of program experience"))
    let pmp = try RolefitBinary.run(["--no-save"], input: "cert pmp\n")
    #expect(pmp.stdout.contains("24 months of project experience within the last 8 years"))
    #expect(pmp.stdout.contains("Unverified"), "the PMP's facts come from training vendors")
  }

  // MARK: What would change it

  @Test func whatWouldChangeItNamesQuestionsAndOptionsNeverIdsOrImpossibleCounts() throws {
    let file = try persona("project-manager", profile: "")
    let details = try RolefitBinary.run(["assess", "--answers", file, "--details"])
    #expect(details.stdout.contains("What would change it"))
    #expect(!details.stdout.contains("100 projects"))
    for question in questions { #expect(!details.stdout.contains(question.id)) }
    #expect(!details.stdout.contains("[tech-lens]"))
  }

  // MARK: --no-save

  @Test func noSaveIsOfferedOnlyWhereItWorksAndNothingIsClaimedKept() throws {
    for command in [["workshop", "new"], ["sessions"], ["history"], ["jd"]] {
      let help = try RolefitBinary.run(command + ["--help"])
      #expect(!help.stdout.contains("--no-save"), "\(command) offers --no-save")
    }
    #expect(try RolefitBinary.run(["history", "--no-save"]).status == 64)
    let assess = try RolefitBinary.run(["assess", "--help"])
    #expect(assess.stdout.contains("--no-save"))
    let answered = try RolefitBinary.run(
      ["--no-save"], input: (["assess"] + typed("project-manager").prefix(2)).joined(separator: "\n") + "\n")
    #expect(!answered.stdout.contains("kept"), "\(answered.stdout)")
    #expect(answered.stdout.contains("nothing was saved"))
  }

  // MARK: State dead ends

  @Test func assessNewStartsAfresh() throws {
    let environment = RolefitBinary.environment()
    let input = ["assess", questions[0].optionIDs[0], questions[1].optionIDs[0], "quit", "assess new", "progress"]
    let outcome = try RolefitBinary.run([], input: input.joined(separator: "\n") + "\n", environment: environment)
    #expect(outcome.stdout.contains("Question 1 of \(questions.count); 0 answered."), "\(outcome.stdout)")
  }

  @Test func afterARestartResultAndSaveFindTheFinishedResult() throws {
    let environment = RolefitBinary.environment()
    let done = try RolefitBinary.run(
      [], input: (["assess"] + typed("program-manager")).joined(separator: "\n") + "\n", environment: environment)
    #expect(done.stdout.contains("Your work is program management"))
    let file = try RolefitBinary.temporaryDirectory().appendingPathComponent("result.md")
    let again = try RolefitBinary.run([], input: "result\nsave \(file.path)\n", environment: environment)
    #expect(again.stdout.contains("Your work is program management"), "\(again.stdout)")
    #expect(!again.stdout.contains("No result"))
    #expect(FileManager.default.fileExists(atPath: file.path))
  }

  @Test func resumingAFinishedSessionShowsItsResult() throws {
    let environment = RolefitBinary.environment()
    _ = try RolefitBinary.run(
      [], input: (["assess"] + typed("program-manager")).joined(separator: "\n") + "\n", environment: environment)
    let resumed = try RolefitBinary.run(["sessions", "resume", "1"], environment: environment)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("is finished"))
    #expect(resumed.stdout.contains("Your work is program management"))
  }

  @Test func enterAfterBackKeepsTheEarlierAnswer() throws {
    let answer = questions[0].optionIDs[1]
    // The first question chooses the track, so the number of questions follows the answer kept.
    var kept = AssessmentRun(pack: pack)
    kept.answer(.choice(answer))
    let input = ["assess", answer, "back", "", "progress"]
    let outcome = try RolefitBinary.run(["--no-save"], input: input.joined(separator: "\n") + "\n")
    #expect(outcome.stdout.contains("Question 2 of \(kept.questions.count); 1 answered."), "\(outcome.stdout)")
  }

  @Test func optionNumbersWorkOnLetterKeyedQuestions() throws {
    // The profile comes first (its options are keyed by words); the first letter-keyed question follows it.
    let index = try #require(questions.firstIndex { $0.optionIDs.contains("a") })
    #expect(questions[index].optionIDs[1] != "2", "the question is keyed by letters")
    let profile = questions.prefix(index).map { $0.kind == .number ? "12" : $0.optionIDs[0] }
    let input = ["assess"] + profile + ["2", "progress"]
    let outcome = try RolefitBinary.run(["--no-save"], input: input.joined(separator: "\n") + "\n")
    #expect(
      outcome.stdout.contains("Question \(index + 2) of \(questions.count); \(index + 1) answered."),
      "\(outcome.stdout)")
  }

  // MARK: People

  @Test func eachPersonHasTheirOwnHistoryAndSessions() throws {
    let environment = RolefitBinary.environment()
    _ = try RolefitBinary.run(
      ["--person", "Ana"], input: (["assess"] + typed("project-manager")).joined(separator: "\n") + "\n",
      environment: environment)
    _ = try RolefitBinary.run(
      ["--person", "Ben"], input: (["assess"] + typed("program-manager")).joined(separator: "\n") + "\n",
      environment: environment)
    let both = try RolefitBinary.run(["history"], environment: environment)
    #expect(both.stdout.contains("Ana") && both.stdout.contains("Ben"))
    #expect(!both.stdout.contains(" → "), "two people are never one trend: \(both.stdout)")
    let ana = try RolefitBinary.run(["history", "--person", "ana"], environment: environment)
    #expect(ana.stdout.contains("Project manager, strong"))
    #expect(!ana.stdout.contains("Program manager, strong"))
    let listed = try RolefitBinary.run(["sessions", "--person", "Ben"], environment: environment)
    #expect(listed.stdout.contains("Ben") && !listed.stdout.contains("Ana"))
    // Ana's result is Ana's: a restart as Ben shows Ben's.
    let benResult = try RolefitBinary.run(["--person", "Ben"], input: "result\n", environment: environment)
    #expect(benResult.stdout.contains("Your work is program management"))
  }

  @Test func historyNamesAnotherRoleInFullAndTracksItsShare() throws {
    let environment = RolefitBinary.environment()
    _ = try RolefitBinary.run(
      ["--person", "Sam"], input: (["assess"] + typed("scrum-master")).joined(separator: "\n") + "\n",
      environment: environment)
    let sam = try RolefitBinary.run(["history", "--person", "Sam"], environment: environment)
    let name = try #require(pack.assessedRole("scrum-master")?.name)
    #expect(sam.stdout.contains("\(name), strong fit"), "\(sam.stdout)")
    #expect(sam.stdout.split(separator: "\n").contains { $0.hasPrefix(name + " ") && $0.hasSuffix("100%") })
  }

  @Test func anUnfinishedAssessmentBelongsToItsPerson() throws {
    let environment = RolefitBinary.environment()
    _ = try RolefitBinary.run(
      ["--person", "Ana"], input: "assess\n\(questions[0].optionIDs[0])\n", environment: environment)
    let ben = try RolefitBinary.run(["--person", "Ben"], input: "assess\nprogress\n", environment: environment)
    #expect(ben.stdout.contains("Question 1 of \(questions.count); 0 answered."), "\(ben.stdout)")
    let nobody = try RolefitBinary.run([], input: "", environment: environment)
    #expect(nobody.stdout.contains("Unfinished assessments of Ana."), "\(nobody.stdout)")
    let ana = try RolefitBinary.run(["--person", "Ana"], input: "assess\nprogress\n", environment: environment)
    #expect(ana.stdout.contains("Question 2 of \(questions.count); 1 answered."), "\(ana.stdout)")
  }

  // MARK: sessions show and export

  @Test func sessionsShowAndExportGiveRealContent() throws {
    let environment = RolefitBinary.environment()
    _ = try RolefitBinary.run(
      [], input: (["assess"] + typed("program-manager")).joined(separator: "\n") + "\n", environment: environment)
    let folder = try RolefitBinary.temporaryDirectory()
    let posting = folder.appendingPathComponent("posting.txt")
    try "Manage the project schedule, scope and budget from kickoff to go-live.\nSend weekly status reports.\n"
      .write(to: posting, atomically: true, encoding: .utf8)
    _ = try RolefitBinary.run(["jd", "--save", posting.path], environment: environment)
    _ = try RolefitBinary.run(
      ["workshop", "new", "intro", "--agenda", "project-or-program-intro", "--participants", "Ana, Ben"],
      input: "quit\n", environment: environment)

    let assessment = try RolefitBinary.run(["sessions", "show", "1"], environment: environment)
    #expect(assessment.stdout.contains("Your answers"))
    #expect(assessment.stdout.contains(questions[0].text.prefix(30)))
    #expect(assessment.stdout.contains("Your work is program management"))
    let markdown = try RolefitBinary.run(["sessions", "export", "1", "--format", "markdown"], environment: environment)
    #expect(markdown.stdout.contains("## Your answers"))

    let postingShown = try RolefitBinary.run(["sessions", "show", "2"], environment: environment)
    #expect(postingShown.status == 0, "\(postingShown.stderr)")
    #expect(!postingShown.stdout.contains("{\""), "no raw JSON: \(postingShown.stdout)")
    #expect(postingShown.stdout.contains("project manager"))
    let postingMarkdown = try RolefitBinary.run(
      ["sessions", "export", "2", "--format", "markdown"], environment: environment)
    #expect(!postingMarkdown.stdout.hasPrefix("{"))

    let workshop = try RolefitBinary.run(["sessions", "show", "3"], environment: environment)
    #expect(workshop.stdout.contains("Workshop report: intro"), "\(workshop.stdout)")
  }
}
