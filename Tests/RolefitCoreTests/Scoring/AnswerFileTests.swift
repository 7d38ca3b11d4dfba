import RolefitCore
import Testing

@Suite struct AnswerFileTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  @Test func readsChoicesListsAndNumbersFromYAMLAndJSON() throws {
    let yaml = "resp.shared-devops: b\nprofile.certifications: [pmp, csm]\nprofile.project-months: 40\n"
    let fromYAML = try AnswerFile.parse(yaml, file: "a.yaml", pack: pack)
    #expect(fromYAML["resp.shared-devops"] == .choice("b"))
    #expect(fromYAML["profile.certifications"] == .choices(["pmp", "csm"]))
    #expect(fromYAML["profile.project-months"] == .number(40))
    let json = #"{"resp.shared-devops": "b", "profile.certifications": ["pmp", "csm"], "profile.project-months": 40}"#
    #expect(try AnswerFile.parse(json, file: "a.json", pack: pack) == fromYAML)
  }

  @Test func unknownQuestionAndOptionIDsAreErrorsNamingThem() {
    let text = "resp.shared-devop: b\nresp.new-requirement: z\n"
    do {
      _ = try AnswerFile.parse(text, file: "me.yaml", pack: pack)
      Issue.record("expected an error")
    } catch ContentError.invalid(let diagnostics) {
      #expect(
        diagnostics.map(\.description) == [
          "me.yaml:1:1: error: unknown question id 'resp.shared-devop' (did you mean 'resp.shared-devops'?)",
          "me.yaml:2:23: error: 'z' is not an option of resp.new-requirement; choose one of: a, b, c, d, e",
        ])
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func typedAnswersAreParsedForEachQuestionType() throws {
    // The bundled bank has no yes/no question; the trainer's example pack has one.
    let trainer = try #require(try ContentLoader.load(TestPacks.trainerFiles).pack)
    let yesno = try #require(trainer.questions.first { $0.kind == .yesno })
    #expect(try yesno.parseAnswer("Y").get() == .choice("yes"))
    let multi = try #require(pack.questions.first { $0.kind == .multi })
    let two = Array(multi.optionIDs.filter { $0 != "none" }.prefix(2))
    #expect(try multi.parseAnswer(two.joined(separator: ", ")).get() == .choices(two))
    let number = try #require(pack.question("profile.project-months"))
    #expect(try number.parseAnswer(" 120 ").get() == .number(120))
    #expect(try number.parseAnswer("40 months").get() == .number(40))
    #expect(throws: AnswerError.self) { try number.parseAnswer("40 or 50").get() }
    #expect(throws: AnswerError.outOfRange(question: number.id, value: 700, minimum: 0, maximum: 600)) {
      try number.parseAnswer("700").get()
    }
    #expect(throws: AnswerError.self) { try number.parseAnswer("lots").get() }
    #expect(throws: AnswerError.self) { try number.parseAnswer("-3").get() }
    let single = try #require(pack.question("resp.shared-devops"))
    #expect(throws: AnswerError.self) { try single.parseAnswer("a b").get() }
  }
}
