import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitTerminal
import Testing

/// The REPL's logic, driven by a scripted reader: the same code that runs on readline.
@Suite struct SessionTests {
  let pack: ContentPack

  init() throws {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    pack = try #require(try ContentLoader.load(files).pack)
  }

  /// Runs a session over `lines` and returns what it printed.
  func transcript(_ lines: [String], interactive: Bool = true, startWith: String? = nil) -> (String, ScriptedLineReader)
  {
    let console = Console(capturingWithWidth: 100)
    let reader = ScriptedLineReader(lines: lines, interactive: interactive)
    let session = Session(pack: pack, console: console, reader: reader, clock: { 0 })
    session.run(startWith: startWith)
    return (console.output, reader)
  }

  /// The first option of every question, profile answers made valid.
  func firstAnswers() -> [String] {
    AssessmentRun(pack: pack).questions.map { question in
      question.kind == .number ? "12" : question.optionIDs[0]
    }
  }

  @Test func aWholeAssessmentEndsWithAResultAndALearningPath() {
    let (output, reader) = transcript(["assess"] + firstAnswers() + ["quit"])
    #expect(output.contains("Your work "))
    #expect(output.contains("Next: "))
    #expect(output.contains("details shows the rest"))
    let count = AssessmentRun(pack: pack).questions.count
    #expect(reader.prompts.contains("[1/\(count)] rolefit> "))
    #expect(reader.prompts.contains("[\(count)/\(count)] rolefit> "))
  }

  /// `save FILE` keeps what was shown last: after a posting's reading, the reading, not an
  /// assessment nobody took.
  @Test func saveKeepsTheLastThingShown() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("reading.md")
    let (nothing, _) = transcript(["save \(file.path)", "quit"])
    #expect(nothing.contains("Nothing to save yet"))
    #expect(!FileManager.default.fileExists(atPath: file.path))
    let posting = [
      "jd", "Program Manager", "Own the program roadmap across multiple projects and their interdependencies.",
      "Chair the program steering committee and drive benefits realization.", ".",
    ]
    let (output, _) = transcript(posting + ["save \(file.path)", "quit"])
    #expect(output.contains("Saved to \(file.path)"))
    let saved = try String(contentsOf: file, encoding: .utf8)
    #expect(saved.hasPrefix("## pasted posting: program manager"), "\(saved)")
  }

  @Test func backReturnsToThePreviousQuestionAndShowsTheEarlierAnswer() throws {
    let run = AssessmentRun(pack: pack)
    let first = run.questions[0]
    // The first question chooses the track, so the count follows the answer.
    let count = { (track: String) -> Int in
      var chosen = AssessmentRun(pack: self.pack)
      chosen.answer(.choice(track))
      return chosen.questions.count
    }
    let (output, reader) = transcript(["assess", first.optionIDs[1], "back", first.optionIDs[0]])
    #expect(output.contains("Your earlier answer: \(first.optionIDs[1]) ("))
    let other = count(first.optionIDs[1])
    #expect(other < run.questions.count)
    #expect(
      reader.prompts.prefix(5) == [
        "rolefit> ", "[1/\(run.questions.count)] rolefit> ", "[2/\(other)] rolefit> ", "[1/\(other)] rolefit> ",
        "[2/\(count(first.optionIDs[0]))] rolefit> ",
      ])
  }

  @Test func theShortFormAsksTheProfileThenStopsOnceTheVerdictIsStable() throws {
    let profile = ShortForm(pack: pack).profileQuestions
    let role = try #require(pack.roles.first)
    let answers = profile.map { $0.kind == .number ? "12" : $0.optionIDs[0] }
    // Every scored question asked gets the role's option; the form picks which come next.
    var lines = ["assess short"] + answers
    let scored = Scorer(pack: pack).questions(for: .current)
    let letters = Dictionary(
      uniqueKeysWithValues: scored.map { question in
        (question.id, question.options.first { ($0.weights[role.id] ?? 0) > 0 }?.id ?? "a")
      })
    var run = AssessmentRun.short(pack: pack)
    for line in answers { run.answer(try #require(run.current).parseAnswer(line).get()) }
    while let next = ShortForm(pack: pack).next(after: run.answers, passed: Set(run.questions.map(\.id))) {
      run.append(next)
      lines.append(letters[next.id] ?? "a")
      run.answer(try next.parseAnswer(letters[next.id] ?? "a").get())
    }
    let (output, reader) = transcript(lines + ["quit"])
    #expect(output.contains("Short self-assessment"))
    // The first screen names the work in a sentence (it replaced "Your fit: ROLE").
    let work = role.work ?? role.name.lowercased()
    #expect(output.contains("Your work is \(work)") || output.contains("Your work leans to \(work)"))
    let asked = run.questions.count
    #expect(asked < AssessmentRun(pack: pack).questions.count)
    #expect(reader.prompts.contains("[\(asked)/\(asked)] rolefit> "))
  }

  @Test func whyShowsTheMeasureAndTheSourceStatement() throws {
    let questions = AssessmentRun(pack: pack).questions
    let index = try #require(questions.firstIndex { !$0.claims.isEmpty })
    let first = questions[index]
    let (output, _) = transcript(["assess"] + firstAnswers().prefix(index) + ["why"])
    let claim = try #require(pack.claim(first.claims[0]))
    #expect(output.contains("Measures: "))
    #expect(output.contains("Source: \(claim.text.prefix(20))"))
    #expect(output.contains("from “\(pack.source(claim.source)?.title ?? "")”"))
  }

  @Test func anInvalidAnswerReasksWithTheValidChoices() {
    let first = AssessmentRun(pack: pack).questions[0]
    let (output, reader) = transcript(["assess", "zz", first.optionIDs[0]])
    #expect(output.contains("choose one of: \(first.optionIDs.joined(separator: ", "))"))
    #expect(reader.prompts.filter { $0.hasPrefix("[1/") }.count == 2)
  }

  @Test func anUnknownCommandSuggestsTheNearestOne() {
    let (output, _) = transcript(["asess"])
    #expect(output.contains("Unknown command 'asess'. Did you mean 'assess'?"))
    let (during, _) = transcript(["assess", "progess"])
    #expect(during.contains("Did you mean 'progress'?"))
  }

  @Test func interruptedLinesAreIgnoredAndEndOfInputWithoutAStoreClaimsNothingKept() {
    let first = AssessmentRun(pack: pack).questions[0]
    let console = Console(capturingWithWidth: 100)
    let reader = ScriptedLineReader(
      [.line("assess"), .interrupted, .line(first.optionIDs[0]), .endOfInput], interactive: true)
    Session(pack: pack, console: console, reader: reader, clock: { 0 }).run()
    #expect(console.output.contains("Stopped at question 2; nothing was saved"))
    #expect(!console.output.contains("kept"))
    #expect(reader.prompts.filter { $0.hasPrefix("[1/") }.count == 2)
  }

  @Test func aRefusedAnswerDoesNotNameTheQuestionsId() {
    let first = AssessmentRun(pack: pack).questions[0]
    let (output, _) = transcript(["assess", "zz"])
    #expect(output.contains("'zz' is not an option here"))
    #expect(!output.contains(first.id))
  }

  @Test func resultScoresWhatIsAnsweredSoFar() throws {
    let questions = AssessmentRun(pack: pack).questions
    let profile = try #require(questions.firstIndex { $0.profileField == nil })
    let (output, _) = transcript(["assess"] + firstAnswers().prefix(profile + 2) + ["result"])
    #expect(output.contains("So far (\(profile + 2) answers"))
    let joined = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(joined.contains("you answered 2 of \(Scorer(pack: pack).questions(for: .current).count) questions"))
  }

  @Test func certShowsEligibilityAndRoleShowsTheSources() {
    let (output, _) = transcript(["cert pmp", "role program-manager", "cert pmpp"])
    #expect(output.contains("PMP: Project Management Professional"))
    #expect(output.contains("You: "))
    #expect(output.contains("Program manager"))
    #expect(output.contains("Unknown credential 'pmpp'. Did you mean 'pmp'?"))
  }

  @Test func completionOffersCommandsOptionsAndIDs() {
    let context = CompletionContext(
      firstWord: ["assess", "cert", "help"], afterCommand: ["cert": ["pmp", "pgmp", "csm"]])
    #expect(context.candidates(before: "", word: "as") == ["assess"])
    #expect(context.candidates(before: "cert ", word: "p") == ["pmp", "pgmp"])
  }
}

/// A recorder whose disk is full: the session must go on in memory and say so.
final class FullDiskRecorder: AssessmentRecorder {
  struct Full: Error, CustomStringConvertible { var description: String { "the disk is full" } }
  var attempts = 0
  func resumableRun(pack: ContentPack) -> ResumableRun? { nil }
  func save(_ run: AssessmentRun, pack: ContentPack) throws {
    attempts += 1
    throw Full()
  }
  func finish(_ run: AssessmentRun, report: AssessmentReport, pack: ContentPack) throws { throw Full() }
  func lastFinished(pack: ContentPack) -> AnswerSheet? { nil }
  func startAfresh() {}
  var person: String? { nil }
  func choose(person: String?) {}
  func unfinishedOwners(pack: ContentPack) -> [String] { [] }
}

@Suite struct SessionSavingTests {
  @Test func aFailingStoreIsReportedOnceAndTheAssessmentGoesOn() throws {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    let pack = try #require(try ContentLoader.load(files).pack)
    let questions = AssessmentRun(pack: pack).questions
    let console = Console(capturingWithWidth: 100)
    let recorder = FullDiskRecorder()
    let reader = ScriptedLineReader(lines: ["assess", questions[0].optionIDs[0], questions[1].optionIDs[0], "result"])
    Session(pack: pack, console: console, reader: reader, recorder: recorder, clock: { 0 }).run()
    #expect(console.output.components(separatedBy: "not being saved: the disk is full").count == 2)
    #expect(recorder.attempts == 1, "after the first failure the session stops trying")
    #expect(console.output.contains("So far (2 answers"), "the answers are still there, in memory")
  }
}
