import Foundation
import RolefitCore
import Testing

@Suite struct ContentLoaderTests {
  @Test func bundledPackLoadsWithoutErrors() throws {
    let outcome = ContentLoader.read(TestPacks.bundledFiles)
    let errors = outcome.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    let pack = try #require(outcome.pack)
    #expect(pack.roles.map(\.id).contains("project-manager"))
    #expect(pack.roles.map(\.id).contains("program-manager"))
    // Each track asks at least six scored questions, and every scored question has one option per role.
    for track in AssessmentTrack.allCases {
      #expect(Scorer(pack: pack).questions(for: track).count >= 6)
    }
    for question in pack.scoredQuestions {
      let roles = question.options.compactMap { $0.weights.keys.first }
      #expect(Set(roles) == Set(pack.assessedRoles.map(\.id)), "\(question.id)")
    }
  }

  @Test func bundledPackHasEveryQuestionTypeAndTheStableProfileIDs() throws {
    let pack = try TestPacks.bundled
    #expect(AssessmentRun(pack: pack).questions.first?.profileField == .track)
    for id in [
      "profile.education", "profile.project-months", "profile.program-months", "profile.training-hours",
      "profile.certifications",
    ] {
      #expect(pack.question(id)?.profileField != nil, "missing \(id)")
    }
    #expect(
      pack.question("profile.education")?.optionIDs == [
        "secondary", "associate", "bachelor", "postgraduate", "gac-degree",
      ]
    )
    let certifications = Set(pack.question("profile.certifications")?.optionIDs ?? [])
    #expect(certifications.isSuperset(of: ["pmp", "capm", "csm", "pgmp", "safe-agilist"]))
  }

  @Test func eachSectionOfTheBundledPackLoadsOnItsOwn() throws {
    let assessment = try #require(try ContentLoader.load(TestPacks.bundledFiles, sections: .assessment).pack)
    #expect(assessment.lexicon.isEmpty && assessment.agendas.isEmpty && assessment.jobDescription == nil)
    #expect(assessment.questions.count == (try TestPacks.bundled).questions.count)
    let jd = try #require(
      try ContentLoader.load(TestPacks.bundledFiles, sections: [.assessment, .jobDescription]).pack)
    #expect(!jd.lexicon.isEmpty && jd.jobDescription != nil && jd.agendas.isEmpty)
  }

  @Test func trainerExamplePackLoadsWithItsThirdRole() throws {
    let outcome = try ContentLoader.load(TestPacks.trainerFiles)
    let pack = try #require(outcome.pack)
    #expect(pack.roles.map(\.id) == ["project-manager", "program-manager", "product-manager"])
    #expect(pack.questions.count == 5)
    #expect(outcome.diagnostics.isEmpty)
  }

  @Test func malformedYAMLNamesFileLineAndColumn() throws {
    let files = try TestPacks.trainer(
      replacing: "    area: work\n    text: \"Which is closer", with: "    area: [work\n    text: \"Which is closer",
      in: "questions/work.yaml")
    let diagnostics = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    let first = try #require(diagnostics.first)
    #expect(first.location.file == "trainer-pack/questions/work.yaml")
    #expect(first.location.line >= 16 && first.location.line <= 17)
    #expect(first.description.hasPrefix("trainer-pack/questions/work.yaml:\(first.location.line):"))
    #expect(first.message.contains("YAML"))
  }

  @Test func danglingRoleReferenceIsReportedWhereItIs() throws {
    let files = try TestPacks.trainer(
      replacing: "weights: {project-manager: 2}}\n      - {id: b, text: \"I keep",
      with: "weights: {progam-manager: 2}}\n      - {id: b, text: \"I keep", in: "questions/work.yaml")
    #expect(throws: ContentError.self) { try ContentLoader.load(files) }
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.message == "unknown role 'progam-manager' (did you mean 'program-manager'?)")
    #expect(error.location.file == "trainer-pack/questions/work.yaml")
    #expect(error.location.line == 20)
    #expect(error.location.column == 85)
  }

  @Test func unknownKeyIsAnErrorWithASuggestion() throws {
    let files = try TestPacks.trainer(
      replacing: "weights: {product-manager: 2}}\n      - {id: b, text: \"Keeping",
      with: "wieghts: {product-manager: 2}}\n      - {id: b, text: \"Keeping", in: "questions/work.yaml")
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.message) == ["unknown key 'wieghts' in an option (did you mean 'weights'?)"])
  }

  @Test func everyProblemIsReportedNotJustTheFirst() throws {
    var files = try TestPacks.trainer(replacing: "area: success", with: "area: sucess", in: "questions/success.yaml")
    files = files.map { file in
      guard file.path == "claims.yaml" else { return file }
      var changed = file
      changed.text = file.text.replacingOccurrences(
        of: "source: workshop-notes, role: product-manager", with: "source: handout, role: product-manager")
      return changed
    }
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 3)  // two questions in the misspelt area, and the unknown source
    #expect(errors.contains { $0.message.contains("unknown source 'handout'") })
    #expect(errors.contains { $0.message.contains("unknown area 'sucess' (did you mean 'success'?)") })
  }

  @Test func aTitleWordIsOneWordAndItsRoleIsKnown() throws {
    let files = TestPacks.bundledFiles.map { file in
      guard file.path == "jd.yaml" else { return file }
      var changed = file
      changed.text = file.text.replacingOccurrences(
        of: "{words: [\"project\", \"projects\"], implies: project-manager}",
        with: "{words: [\"project manager\"], implies: project-manger}")
      return changed
    }
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.contains("title words are single words (got 'project manager')"))
    #expect(errors.contains { $0.contains("project-manger") })
  }

  @Test func aCheckPhraseMarksASentencesStartOnlyBeforeItsFirstWord() throws {
    let files = TestPacks.bundledFiles.map { file in
      guard file.path == "jd.yaml" else { return file }
      var changed = file
      changed.text = file.text.replacingOccurrences(of: "\"^own\"", with: "\"and ^own\"")
      return changed
    }
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    #expect(
      errors.map(\.message) == [
        "'^' marks a phrase that counts only at a sentence's start, before its first word (got 'and ^own')"
      ])
    #expect(errors.first?.location.file == "content/jd.yaml")
  }

  @Test func aPackFromANewerRolefitIsRefusedWithTheVersions() throws {
    let files = try TestPacks.trainer(
      replacing: "version: 1\nid: trainer-demo", with: "version: 3\nid: trainer-demo", in: "pack.yaml")
    let errors = ContentLoader.read(files).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.message) == ["written for a newer rolefit (format version 3; this rolefit reads version 1)"])
  }

  @Test func aPackTellsApartAtMostFifteenRoles() throws {
    let third =
      "  - {id: product-manager, name: Product manager, short: product, color: green, summary: \"Decides what to build and why, for users and the market.\", claims: [prod-decides-what]}\n"
    func pack(extraRoles: Int) throws -> [PackFile] {
      let extra = (0..<extraRoles).map { "  - {id: extra-\($0), name: Extra \($0)}\n" }.joined()
      return try TestPacks.trainer(replacing: third, with: third + extra, in: "pack.yaml")
    }
    let message = "a pack tells apart at most 15 roles"
    // Three roles in the example, twelve more: fifteen are read.
    #expect(!ContentLoader.read(try pack(extraRoles: 12)).diagnostics.contains { $0.message == message })
    let errors = ContentLoader.read(try pack(extraRoles: 13)).diagnostics.filter { $0.severity == .error }
    let error = try #require(errors.first { $0.message == message })
    #expect(error.location.file == "trainer-pack/pack.yaml")
    #expect(error.location.line == 11)
  }

  @Test func missingFolderSaysWhereItLooked() {
    #expect(throws: ContentError.packNotFound(looked: ["/nonexistent/rolefit-pack"])) {
      try PackFile.files(inDirectory: .init(fileURLWithPath: "/nonexistent/rolefit-pack"))
    }
  }

  @Test func likertQuestionsGetTheScaleWithInterpolatedWeights() throws {
    let pack = try #require(try ContentLoader.load(TestPacks.trainerFiles).pack)
    let question = try #require(pack.question("work.roadmap"))
    #expect(question.optionIDs == ["1", "2", "3"])
    #expect(question.option("3")?.weights == ["product-manager": 2])
    #expect(question.option("2")?.weights == ["product-manager": 1, "project-manager": 0.5, "program-manager": 0.5])
    #expect(question.option("1")?.weights == ["project-manager": 1, "program-manager": 1])
  }
}
