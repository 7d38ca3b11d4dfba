import Foundation
import RolefitCore
import Testing

@Suite struct VoteLineTests {
  let roster = ["Ana", "Ben", "Chen"]
  let options = ["a", "b", "c"]

  @Test func rosterOrderAndNamedVotes() throws {
    #expect(
      try VoteLine.parse("a b c", participants: roster, options: options).get()
        == .init(votes: ["Ana": "a", "Ben": "b", "Chen": "c"], missing: []))
    #expect(
      try VoteLine.parse("ana=b CHEN=a", participants: roster, options: options).get().votes == [
        "Ana": "b", "Chen": "a",
      ])
    #expect(try VoteLine.parse("be=c", participants: roster, options: options).get().votes == ["Ben": "c"])
  }

  @Test func fewerVotesThanParticipantsNamesWhoIsMissing() throws {
    let result = try VoteLine.parse("a B", participants: roster, options: options).get()
    #expect(result.votes == ["Ana": "a", "Ben": "b"])
    #expect(result.missing == ["Chen"])
  }

  @Test func unknownNameDuplicateVoteAndBadOptionAreRefused() {
    #expect(throws: VoteLine.Problem.unknownName("dan", suggestion: nil)) {
      try VoteLine.parse("dan=a", participants: roster, options: options).get()
    }
    #expect(throws: VoteLine.Problem.unknownName("Anna", suggestion: "Ana")) {
      try VoteLine.parse("Anna=a", participants: roster, options: options).get()
    }
    #expect(throws: VoteLine.Problem.duplicateVote("Ana")) {
      try VoteLine.parse("ana=a ana=b", participants: roster, options: options).get()
    }
    #expect(throws: VoteLine.Problem.unknownOption("d", valid: options)) {
      try VoteLine.parse("a d", participants: roster, options: options).get()
    }
    #expect(throws: VoteLine.Problem.tooManyVotes(given: 4, participants: 3)) {
      try VoteLine.parse("a b c a", participants: roster, options: options).get()
    }
    #expect(throws: VoteLine.Problem.ambiguousName("b", matches: ["Ben", "Bea"])) {
      try VoteLine.parse("b=a", participants: ["Ben", "Bea"], options: options).get()
    }
  }
}

@Suite struct DisagreementTests {
  @Test func unanimityIsZeroAndAnEvenSplitIsOne() {
    #expect(Disagreement.of([4, 0, 0], options: 3) == 0)
    #expect(abs(Disagreement.of([2, 2, 2], options: 3) - 1) < 1e-12)
    #expect(abs(Disagreement.of([3, 3], options: 2) - 1) < 1e-12)
    #expect(Disagreement.of([1], options: 3) == 0)
    #expect(Disagreement.of([], options: 3) == 0)
  }

  @Test func moreConcentratedVotesDisagreeLess() {
    let split = Disagreement.of([3, 2, 1], options: 3)
    let leaning = Disagreement.of([5, 1, 0], options: 3)
    #expect(split > leaning)
    #expect(leaning > 0 && split < 1)
    // Two voters on a five-option item can at most split two ways: that counts as full disagreement.
    #expect(abs(Disagreement.of([1, 1, 0, 0, 0], options: 5) - 1) < 1e-12)
  }
}

@Suite struct WorkshopSessionTests {
  let pack: ContentPack
  let agenda: Agenda

  init() throws { (pack, agenda) = try TestPacks.introAgenda }

  @Test func theBundledAgendasAreTimedAndVotable() throws {
    #expect(pack.agendas.count >= 2)
    let hiring = try #require(pack.agendas.first { $0.minutes == 90 })
    #expect(hiring.items.contains { if case .posting = $0.item.content { return true } else { return false } })
    #expect(agenda.minutes == 60)
    #expect(agenda.sections.reduce(0) { $0 + $1.minutes } == 60)
  }

  @Test func aParticipantHoldingAPMPIsNotToldToEarnTheCAPM() throws {
    var session = WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: ["Ana"])
    var answers = AnswerSheet()
    for question in pack.scoredQuestions where question.kind != .number && question.kind != .multi {
      answers[question.id] = question.options.max {
        ($0.weights["project-manager"] ?? 0) < ($1.weights["project-manager"] ?? 0)
      }.map { .choice($0.id) }
    }
    answers["profile.education"] = .choice("bachelor")
    answers["profile.project-months"] = .number(72)
    answers["profile.certifications"] = .choices(["pmp"])
    session.importedAnswers["Ana"] = answers
    let markdown = WorkshopReport(session: session, pack: pack).markdown()
    #expect(markdown.contains("**Ana**"))
    #expect(!markdown.contains("CAPM"), "\(markdown)")
  }

  @Test func roundsAreKeptAndBankVotesAloneGiveNobodyAFit() throws {
    var session = WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: ["Ana", "Ben"])
    let questionIndex = try #require(
      session.items.firstIndex { if case .question = $0.item.content { return true } else { return false } })
    session.move(to: questionIndex, now: Date())
    let options = session.options(for: session.items[questionIndex].item, pack: pack)
    session.record(["Ana": options[0].id, "Ben": options[1].id])
    session.revote()
    session.record(["Ana": options[1].id, "Ben": options[1].id])
    #expect(session.rounds(of: questionIndex) == [1, 2])
    #expect(session.disagreement(item: questionIndex, round: 1, options: options) > 0)
    #expect(session.disagreement(item: questionIndex, round: 2, options: options) == 0)
    guard case .question(let id) = session.items[questionIndex].item.content else { return }
    #expect(session.answers(of: "Ana")[id] == .choice(options[1].id))
    let report = WorkshopReport(session: session, pack: pack)
    let item = try #require(report.document.items.first { $0.number == questionIndex + 1 })
    #expect(item.outcome == "converged", "the revote brought the group together")
    // One or two workshop votes are not an assessment: no fit, no learning needs.
    #expect(report.document.participants.allSatisfy { $0.fit == nil && !$0.imported })
    #expect(report.document.needs.isEmpty)
    #expect(report.markdown().contains("- Round 2: "))
    #expect(report.markdown().contains("| Ana | no assessment imported | – |"))
  }

  @Test func aNoteTypedAfterTheLastItemIsInTheReport() throws {
    var session = WorkshopSession(name: "t", agenda: agenda, pack: pack, participants: ["Ana", "Ben"])
    session.move(to: session.items.count, now: Date())
    #expect(session.isFinished)
    session.notes[session.position, default: []].append("Follow up with <b>Ben</b> | next week")
    let report = WorkshopReport(session: session, pack: pack)
    #expect(report.document.closingNotes == ["Follow up with <b>Ben</b> | next week"])
    #expect(report.markdown().contains("## Closing notes\n\n- Note: Follow up with \\<b\\>Ben\\</b\\> \\| next week\n"))
    #expect(
      report.json().contains("Follow up with <b>Ben<\\/b> | next week")
        || report.json().contains("Follow up with <b>Ben</b> | next week"))
  }

  @Test func voteLineProblemsEchoALongWordShortened() {
    let huge = String(repeating: "x", count: 1_000_000)
    guard case .failure(let problem) = VoteLine.parse("\(huge)=a", participants: ["Ana"], options: ["a", "b"]) else {
      Issue.record("expected a problem")
      return
    }
    #expect(problem.description.count < 200)
    guard case .failure(let option) = VoteLine.parse("ana=\(huge)", participants: ["Ana"], options: ["a", "b"]) else {
      Issue.record("expected a problem")
      return
    }
    #expect(option.description.count < 200)
  }

  @Test func importsKeepKnownAnswersAndRefuseOtherPacks() throws {
    // A real `assess --out` document, from an older version of the pack, with a retired question.
    var sheet = AnswerSheet()
    sheet["resp.shared-devops"] = .choice("b")
    sheet["profile.project-months"] = .number(40)
    var document = AssessmentDocument(AssessmentReport(pack: pack, answers: sheet), pack: pack)
    document.pack.version = "1999.1"
    document.answers["resp.retired-question"] = "a"
    let outcome = try WorkshopImport.read(Data(JSONOutput.encode(document).utf8), file: "/tmp/ana.json", pack: pack)
    #expect(outcome.participant == "ana")
    #expect(outcome.answers["resp.shared-devops"] == .choice("b"))
    #expect(outcome.answers["profile.project-months"] == .number(40))
    #expect(outcome.warnings.count == 2)
    #expect(outcome.warnings[0].contains("content version 1999.1"))
    #expect(outcome.warnings[1].contains("resp.retired-question"))
    document.pack.id = "someone-elses"
    #expect(throws: WorkshopImport.Problem.otherPack(file: "x.json", found: "someone-elses", expected: "rolefit-core"))
    {
      try WorkshopImport.read(Data(JSONOutput.encode(document).utf8), file: "x.json", pack: pack)
    }
    #expect(throws: WorkshopImport.Problem.unreadable(file: "y.json")) {
      try WorkshopImport.read(Data("not json".utf8), file: "y.json", pack: pack)
    }
    // An untyped dictionary with the right keys is not a document.
    let loose = #"{"pack": {"id": "rolefit-core", "version": "1"}, "answers": {"resp.shared-devops": "b"}}"#
    #expect(throws: WorkshopImport.Problem.unreadable(file: "z.json")) {
      try WorkshopImport.read(Data(loose.utf8), file: "z.json", pack: pack)
    }
  }

  @Test func rostersAreReadFromCommasOrSpaces() {
    #expect(WorkshopRoster.parse("Ana, Ben ,Chen, ana") == ["Ana", "Ben", "Chen"])
    #expect(WorkshopRoster.parse("Ana Ben") == ["Ana", "Ben"])
  }
}
