import Foundation
import RolefitCore
import Testing

/// Each lint rule fires on a pack made to break it, and the good packs lint clean.
@Suite struct PackLinterTests {
  /// Loader and linter findings together, as `rolefit content lint` reports them.
  func lint(_ files: [PackFile], today: CalendarDate = CalendarDate(year: 2026, month: 11, day: 24)) -> [Diagnostic] {
    let outcome = ContentLoader.read(files)
    return outcome.diagnostics + (outcome.pack.map { PackLinter(pack: $0, today: today).lint() } ?? [])
  }

  @Test func theBundledPackHasNoErrorsAndEveryClaimIsCovered() {
    let findings = lint(TestPacks.bundledFiles)
    #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.map(\.description))")
    #expect(
      findings.filter { $0.rule == "coverage" }.isEmpty,
      "\(findings.filter { $0.rule == "coverage" }.map(\.description))")
    #expect(
      findings.filter { $0.rule == "balance" }.isEmpty, "\(findings.filter { $0.rule == "balance" }.map(\.description))"
    )
  }

  @Test func aLexiconPhraseListedUnderASecondEntryIsNamed() throws {
    #expect(lint(TestPacks.bundledFiles).filter { $0.rule == "lexicon" }.isEmpty)
    // Listed again under a later entry, in other case and British spelling: it never counts there.
    let files = TestPacks.bundledFiles.map { file in
      var file = file
      if file.path == "lexicon/project.yaml" {
        file.text = file.text.replacingOccurrences(
          of: "\"multiple small projects\"", with: "\"multiple small projects\", \"Programme of Projects\"")
      }
      return file
    }
    let findings = lint(files).filter { $0.rule == "lexicon" }
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.location.file == "content/lexicon/project.yaml")
    #expect(
      finding.message
        == "lexicon phrase 'Programme of Projects' of entry 'concurrent-projects' is also listed under 'fleet-of-projects', which comes first: here it never counts"
    )
  }

  @Test func theTrainerExamplePackLintsClean() throws {
    #expect(lint(try TestPacks.trainerFiles).isEmpty)
  }

  @Test func schemaRequiredFieldMissing() throws {
    let files = try TestPacks.trainer(
      replacing: "    text: \"How is your work judged?\"\n", with: "", in: "questions/success.yaml")
    let finding = try #require(lint(files).first)
    #expect(finding.rule == "schema" && finding.severity == .error)
    #expect(finding.message == "a question is missing the required key 'text'")
    #expect(finding.location.file == "trainer-pack/questions/success.yaml" && finding.location.line == 3)
  }

  @Test func schemaWrongType() throws {
    let files = try TestPacks.trainer(replacing: "min_share: 0.56", with: "min_share: lots", in: "pack.yaml")
    #expect(lint(files).map(\.message).contains("'min_share' must be a number"))
  }

  @Test func schemaUnknownKey() throws {
    let files = try TestPacks.trainer(
      replacing: "    measures: \"One delivery or many.\"", with: "    measure: \"One delivery or many.\"",
      in: "questions/work.yaml")
    let messages = lint(files).map(\.message)
    #expect(messages.contains("unknown key 'measure' in a question (did you mean 'measures'?)"))
  }

  @Test func referenceUnknownClaim() throws {
    let files = try TestPacks.trainer(
      replacing: "claims: [prod-decides-what]\n    agree", with: "claims: [prod-decide-what]\n    agree",
      in: "questions/work.yaml")
    let finding = try #require(lint(files).first { $0.rule == "reference" })
    #expect(finding.message == "unknown claim 'prod-decide-what' (did you mean 'prod-decides-what'?)")
  }

  @Test func referenceDuplicateID() throws {
    let files = try TestPacks.trainer(
      replacing: "id: success.many", with: "id: success.measure", in: "questions/success.yaml")
    let finding = try #require(lint(files).first { $0.rule == "reference" })
    #expect(
      finding.message.hasPrefix(
        "duplicate question id 'success.measure' (first defined at trainer-pack/questions/success.yaml:3:"))
  }

  @Test func referenceUnknownCredentialPrerequisite() throws {
    let credentials = """
      version: 1
      credentials:
        - id: demo-practitioner
          name: Demo Practitioner
          body: Demo Body
          source: "handout"
          as_of: 2026-11-01
          routes:
            - {name: "After the foundation", requires: [demo-foundaton]}
      """
    let files = try TestPacks.trainer(adding: "credentials.yaml", text: credentials)
    let finding = try #require(lint(files).first { $0.rule == "reference" })
    #expect(finding.message == "unknown credential 'demo-foundaton'")
    #expect(finding.location.line == 9)
  }

  @Test func balanceQuestionThatCannotChangeTheResult() throws {
    let files = try TestPacks.trainer(
      replacing: "{id: \"no\", text: \"No\", weights: {project-manager: 1, product-manager: 1}}",
      with: "{id: \"no\", text: \"No\", weights: {program-manager: 2}}", in: "questions/success.yaml")
    let finding = try #require(lint(files).first { $0.rule == "balance" && $0.message.hasPrefix("question") })
    #expect(finding.message == "question 'success.many' cannot change the result: every answer earns the same weights")
    #expect(finding.location.line == 13)
    #expect(finding.severity == .warning)
  }

  @Test func balanceRoleReachedByFarFewerQuestions() throws {
    // Product weight only on one question: the product role is reachable by 1 question, the others by 4-5.
    var files = try TestPacks.trainer(
      replacing: "weights: {product-manager: 2}}\n      - {id: b, text: \"Keeping",
      with: "weights: {}}\n      - {id: b, text: \"Keeping", in: "questions/work.yaml")
    files = files.map { file in
      guard file.path == "questions/success.yaml" else { return file }
      var changed = file
      changed.text = file.text.replacingOccurrences(of: "weights: {product-manager: 2}}", with: "weights: {}}")
        .replacingOccurrences(of: "{project-manager: 1, product-manager: 1}", with: "{project-manager: 1}")
      return changed
    }
    let findings = lint(files).filter { $0.rule == "balance" }
    #expect(
      findings.contains {
        $0.message.hasPrefix("role 'product-manager' can be reached by 1 questions, far fewer than another role's")
      })
  }

  @Test func balanceSameAnswerEverywhere() throws {
    // Put the project option first everywhere: answering 'a' throughout then gives a strong project fit.
    var files = try TestPacks.trainer(
      replacing:
        "      - {id: a, text: \"Talking to users and deciding what goes into the next release.\", weights: {product-manager: 2}}\n      - {id: b, text: \"Keeping one team's plan, dates and budget on track.\", weights: {project-manager: 2}}",
      with:
        "      - {id: a, text: \"Keeping one team's plan, dates and budget on track.\", weights: {project-manager: 2}}\n      - {id: b, text: \"Talking to users and deciding what goes into the next release.\", weights: {product-manager: 2}}",
      in: "questions/work.yaml")
    files = files.map { file in
      guard file.path == "questions/success.yaml" else { return file }
      var changed = file
      changed.text = file.text.replacingOccurrences(
        of:
          "{id: a, text: \"Did the combined effort bring the promised business benefit?\", weights: {program-manager: 2}}",
        with: "{id: a, text: \"Did it ship on time?\", weights: {project-manager: 2}}"
      )
      .replacingOccurrences(
        of: "{id: \"yes\", text: \"Yes\", weights: {program-manager: 2}}",
        with: "{id: \"yes\", text: \"Yes\", weights: {project-manager: 2}}"
      )
      .replacingOccurrences(
        of: "{id: \"no\", text: \"No\", weights: {project-manager: 1, product-manager: 1}}",
        with: "{id: \"no\", text: \"No\", weights: {program-manager: 2}}")
      return changed
    }
    let findings = lint(files).filter { $0.rule == "balance" }
    #expect(
      findings.contains {
        $0.message.hasPrefix("answering option 1 (or the last) everywhere gives a strong 'project-manager' fit")
      })
  }

  @Test func freshnessFlagsOldFacts() throws {
    let credentials = """
      version: 1
      credentials:
        - id: demo-cert
          name: Demo Certificate
          body: Demo Body
          source: "handout"
          as_of: 2024-01-15
          routes:
            - {name: "No prerequisite"}
      """
    let files = try TestPacks.trainer(adding: "credentials.yaml", text: credentials)
    let finding = try #require(lint(files).first { $0.rule == "freshness" })
    #expect(
      finding.message
        == "facts about 'demo-cert' are 34 months old (as_of 2024-01-15; the pack's limit is 18 months): check them again"
    )
    #expect(finding.location.line == 3)
  }

  @Test func coverageFlagsAClaimNothingCites() throws {
    let files = try TestPacks.trainer(
      replacing: "  - {id: prod-decides-what,",
      with: "  - {id: orphan-claim, source: workshop-notes, text: \"Nobody cites this.\"}\n  - {id: prod-decides-what,",
      in: "claims.yaml")
    let finding = try #require(lint(files).first { $0.rule == "coverage" })
    #expect(finding.message.hasPrefix("claim 'orphan-claim' is covered by nothing"))
    #expect(finding.location.line == 7)
  }
}

/// The desirability checks: options must not give the answer away by length, by strategy words
/// that only one role's options use, or by a weightless way out.
@Suite struct DesirabilityLintTests {
  func findings(_ files: [PackFile]) throws -> [Diagnostic] {
    let pack = try #require(ContentLoader.read(files).pack)
    return PackLinter(pack: pack).lint().filter { $0.rule == "desirability" }
  }

  @Test func theBundledAndTrainerPacksAreClean() throws {
    #expect(try findings(TestPacks.bundledFiles).isEmpty)
    #expect(try findings(TestPacks.trainerFiles).isEmpty)
  }

  @Test func aLongOptionIsReported() throws {
    let files = try TestPacks.trainer(
      replacing: "\"Keeping one team's plan, dates and budget on track.\"",
      with: "\"Keeping one team's plan, dates, budget, risks, issues, people and suppliers on track every week.\"",
      in: "questions/work.yaml")
    let messages = try findings(files).map(\.message)
    #expect(messages.contains { $0.hasPrefix("question 'work.week': the longest option is") })
  }

  @Test func strategyWordsInOneRolesOptionsAreReported() throws {
    // The trainer pack names no strategy words, so its "business benefit" option passes; once
    // the words are listed, the one question whose program option alone uses them is reported.
    let files = try TestPacks.trainer(
      replacing: "careless_confidence_factor: 0.5",
      with: "careless_confidence_factor: 0.5\n    strategy_words: [business, benefit]", in: "pack.yaml")
    #expect(
      try findings(files).map(\.message) == [
        "question 'success.measure': strategy words (benefit, business) appear only in 'program-manager' options; they give the answer away"
      ])
  }

  @Test func aWeightlessWayOutIsReported() throws {
    let files = try TestPacks.trainer(
      replacing:
        "      - {id: c, text: \"Lining up several teams' plans so they land together.\", weights: {program-manager: 2}}",
      with:
        "      - {id: c, text: \"Lining up several teams' plans so they land together.\", weights: {program-manager: 2}}\n      - {id: d, text: \"I would ask my manager who should deal with it.\", weights: {}}",
      in: "questions/work.yaml")
    let messages = try findings(files).map(\.message)
    #expect(messages.contains { $0.hasPrefix("question 'work.week': option 'd' carries no weight") })
  }
}
