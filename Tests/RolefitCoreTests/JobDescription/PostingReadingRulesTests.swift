import Foundation
import RolefitCore
import Testing

/// The rules that read a posting's structure: each one must change a short posting written for it.
@Suite struct PostingReadingRulesTests {
  let pack: ContentPack
  let analyzer: JobDescriptionAnalyzer

  init() throws {
    pack = try TestPacks.bundled
    analyzer = try JobDescriptionAnalyzer(pack: pack)
  }

  func analyze(_ text: String, title: String? = nil) throws -> PostingAnalysis {
    try analyzer.analyze(Posting(id: "test", text: text, title: title))
  }

  func features(_ text: String, title: String? = nil) throws -> PostingFeatures {
    try analyzer.features(Posting(id: "test", text: text, title: title))
  }

  func entryIndex(_ id: String) throws -> Int { try #require(pack.lexicon.firstIndex { $0.id == id }) }

  func phrases(_ analysis: PostingAnalysis) -> [String] { analysis.evidence.map { $0.phrase.lowercased() } }

  @Test func aPhraseIsNeverCutOutOfAHyphenatedWord() throws {
    #expect(!phrases(try analyze("Thrive in a high-velocity environment.")).contains("velocity"))
    #expect(phrases(try analyze("Track the team's velocity every sprint.")).contains("velocity"))
    #expect(!phrases(try analyze("Manage vaccination-related projects for the clinic.")).contains("related projects"))
    #expect(phrases(try analyze("Manage related projects for the clinic.")).contains("related projects"))
  }

  @Test func aPhraseNeverCrossesACommaOrAFullStop() throws {
    #expect(!phrases(try analyze("Weigh time, cost, benefit and risk.")).contains("cost, benefit"))
    #expect(phrases(try analyze("Run a cost benefit analysis.")).contains { $0.hasPrefix("cost benefit") })
  }

  @Test func aPhraseNamedAfterARelationCueIsRelatedNotDone() throws {
    let related = try analyze("Responsibilities\n- Work closely with project managers on the roadmap.\n")
    #expect(related.ignored.contains { $0.reason == .related && $0.phrase.lowercased() == "project managers" })
    #expect(!phrases(related).contains("project managers"))
    let done = try analyze("Responsibilities\n- Lead project managers on the roadmap.\n")
    #expect(phrases(done).contains { $0.contains("project managers") })
    #expect(try features("Responsibilities\n- Work closely with project managers.\n").cues["relation"] ?? 0 > 0)
    for cue in ["Reporting directly to", "You will report into"] {
      let reporting = try analyze("Responsibilities\n- \(cue) the program steering committee.\n")
      #expect(!phrases(reporting).contains { $0.contains("steering committee") }, "\(cue)")
    }
  }

  /// What a relation cue relates to may be a list running on past commas; the list ends where a
  /// word says what the role does with them ("to ..."), and a sentence without a comma ends it
  /// at the cue's window as before.
  @Test func aListOfWhatARelationCueRelatesToIsRelatedToo() throws {
    let list = try analyze(
      "Responsibilities\n- Collaborate with exterior, closure and lighting design, program management, manufacturing and test teams.\n"
    )
    #expect(!phrases(list).contains { $0.lowercased() == "program management" }, "\(phrases(list))")
    #expect(list.ignored.contains { $0.reason == .related && $0.phrase.lowercased() == "program management" })
    let purpose = try analyze(
      "Responsibilities\n- Partner with finance, legal and sales to own program management for the portfolio.\n")
    #expect(phrases(purpose).contains { $0.lowercased() == "program management" }, "\(phrases(purpose))")
    // A duty verb after the comma ends the list too: what follows is the role's own work.
    let duties = try analyze(
      "Responsibilities\n- Work closely with engineering leads, drive the program roadmap and own the budget.\n")
    #expect(phrases(duties).contains { $0.lowercased() == "program roadmap" }, "\(phrases(duties))")
    let beyond = try analyze(
      "Responsibilities\n- Work closely with the regional leads and later own program management.\n")
    #expect(phrases(beyond).contains { $0.lowercased() == "program management" }, "\(phrases(beyond))")
  }

  @Test func aRoleNamedInTheBodyNamesPeopleNotDuties() throws {
    let named = try analyze("Responsibilities\n- Share updates with our program managers every week.\n")
    #expect(named.ignored.contains { $0.reason == .related && $0.phrase.lowercased() == "program managers" })
    #expect(!phrases(named).contains("program managers"))
    let led = try analyze("Responsibilities\n- Lead program managers across the region.\n")
    #expect(phrases(led).contains { $0.hasSuffix("program managers") })
    // A phrase cut out of a role's name is the name too: "[The Project] Manager will act as".
    let cut = try analyze("Responsibilities\n- The Project Manager will act as the client lead.\n")
    #expect(cut.evidence.isEmpty, "\(phrases(cut))")
    #expect(cut.ignored.contains { $0.reason == .related && $0.phrase == "The Project" })
  }

  /// A role's name a few words after a people-led cue, in the same clause, is people the role
  /// leads: it counts, where the same name said alone, related to, or past a comma does not.
  @Test func aRoleNameThePostingLeadsCounts() throws {
    func counted(_ sentence: String) throws -> Bool {
      let analysis = try analyze("Responsibilities\n- \(sentence)\n")
      return analysis.evidence.contains {
        $0.phrase.lowercased() == "project managers" && $0.entry == "managing-project-managers"
      }
    }
    #expect(try counted("Direct a large team of construction and fit-out project managers."))
    #expect(try counted("Lead, coach and develop our project managers."))
    #expect(try counted("Manage and develop assigned project managers."))
    #expect(try counted("Hire and supervise construction project managers."))
    #expect(try !counted("Develop the plans with the project managers."))
    #expect(try !counted("Share the plans with our construction project managers."))
    #expect(try !counted("Work closely with a team of project managers on the plans."))
    #expect(try !counted("Lead the design reviews, and the project managers deliver the plans."))
    #expect(try !counted("Mentor new starters in the office where our senior project managers sit."))
  }

  @Test func aRequirementCountsLessThanADuty() throws {
    let index = try entryIndex("cert-pmp")
    let duty = try features("Responsibilities\n- Hold the PMP and coach others towards it.\n")
    let requirement = try features("Requirements\n- Hold the PMP and coach others towards it.\n")
    let cue = try features("Responsibilities\n- PMP preferred.\n")
    let dutyValue = try #require(duty.entries[index])
    let requirementValue = try #require(requirement.entries[index])
    #expect(requirementValue < dutyValue)
    #expect(try #require(cue.entries[index]) < dutyValue)
  }

  /// A flattened list ("Responsibilities - Own the plan - Experience with...") is one line whose
  /// items a spaced hyphen separates: a requirement cue in one item does not make the next a
  /// requirement, while a hyphen inside a word or a phrase changes nothing.
  @Test func aSpacedHyphenEndsASentence() throws {
    let index = try entryIndex("cert-pmp")
    let flattened = try features(
      "Responsibilities - Experience with budgets is preferred - Hold the PMP and coach others towards it.")
    let duty = try features("Responsibilities\n- Hold the PMP and coach others towards it.\n")
    #expect(flattened.entries[index] == duty.entries[index])
    let joined = try features(
      "Responsibilities: experience with budgets is preferred, hold the PMP and coach others towards it.")
    #expect(try #require(joined.entries[index]) < (duty.entries[index] ?? 0))
    let analysis = try analyze("Responsibilities - Experience with budgets is preferred - Hold the PMP.")
    let pmp = try #require(analysis.evidence.first { $0.entry == "cert-pmp" })
    #expect(!pmp.isRequirement)
    // A reason quotes its own item, not the next one.
    let quoted = PostingRenderer(pack: pack, width: 400).text(
      try analyze("Responsibilities - Hold the PMP for the bank - Experience with budgets is preferred."),
      showText: false, showRecommendations: false)
    let reason = try #require(quoted.split(separator: "\n").first { $0.contains("[PMP]") })
    #expect(reason.contains("Hold the [PMP] for the bank\" →") && !reason.contains("Experience"), "\(reason)")
  }

  /// A phrase in the requirements is marked as one wherever it is shown: the JSON says so, the
  /// reasons and the evidence list say how little it counts, and a reason quotes the phrase
  /// where the posting states it as a duty when it also does.
  @Test func aRequirementIsShownAsOne() throws {
    let weight = try #require(pack.jobDescription?.structure.requirementWeight)
    // The requirements come first, as in some postings.
    let text = """
      Requirements
      - Experience owning a program roadmap and a budget.
      - PMP preferred.

      Responsibilities
      - Own the program roadmap for the platform.
      """
    let analysis = try analyze(text, title: "Program Manager")
    let asked = analysis.evidence.filter(\.isRequirement)
    #expect(asked.contains { $0.entry == "cert-pmp" })
    #expect(analysis.evidence.contains { !$0.isRequirement && $0.phrase.lowercased().contains("roadmap") })
    let document = PostingDocument(analysis)
    #expect(document.evidence.filter { $0.requirement == true }.count == asked.count)
    #expect(document.evidence.contains { $0.requirement == nil })
    let renderer = PostingRenderer(pack: pack, width: 200)
    let note = "(a requirement: counts ×\(String(format: "%.2g", weight)))"
    let shown = renderer.text(analysis, showText: false, showEvidence: true)
    let pmpLine = try #require(shown.split(separator: "\n").first { $0.contains("\"PMP\" →") })
    #expect(pmpLine.contains(note))
    // The roadmap decided it where the posting states it as a duty, not where it asks for it.
    let roadmap = try #require(
      analysis.deciding.map { analysis.evidence[$0] }.first { $0.phrase.lowercased().contains("roadmap") })
    #expect(!roadmap.isRequirement)
  }

  @Test func anAcronymAndItsExpansionInOneSentenceCountOnce() throws {
    let index = try entryIndex("cert-pmp")
    let both = try features("Responsibilities\n- Hold the PMP (Project Management Professional).\n")
    let one = try features("Responsibilities\n- Hold the PMP.\n")
    #expect(both.entries[index] == one.entries[index])
    let twice = try features("Responsibilities\n- Hold the PMP.\n- Keep the PMP current.\n")
    #expect(try #require(twice.entries[index]) > (one.entries[index] ?? 0))
    // Saturated: the second sentence adds less than the first.
    #expect(try #require(twice.entries[index]) < 2 * (one.entries[index] ?? 0))
  }

  @Test func aQuantifierWithWordsBetweenCountsAsScope() throws {
    let entry = try #require(pack.jobDescription?.structure.quantifiedEntry)
    let spread = try analyze("Oversee multiple large, complex projects for the bank.")
    #expect(spread.evidence.contains { $0.entry == entry && $0.phrase == "multiple large, complex projects" })
    let single = try analyze("Oversee large, complex projects for the bank.")
    #expect(!single.evidence.contains { $0.entry == entry })
    // Work spread across projects, or a portfolio of them, with words between, is the same scope.
    let across = try analyze("Lead delivery across all the studio's projects.")
    #expect(across.evidence.contains { $0.entry == entry && $0.phrase == "across all the studio's projects" })
    let portfolio = try analyze("Oversee a diverse portfolio of donor-funded projects.")
    #expect(portfolio.evidence.contains { $0.entry == entry && $0.phrase == "portfolio of donor-funded projects" })
    let counted = try analyze("Provide program management for 2 or more complex development programs.")
    #expect(counted.evidence.contains { $0.entry == entry && $0.phrase == "2 or more complex development programs" })
    let team = try analyze("Work across teams to deliver the project.")
    #expect(!team.evidence.contains { $0.entry == entry })
    // Two quantifiers of one noun are one scope, shown once.
    let twice = try analyze("Lead delivery across multiple countries and flagship initiatives.")
    #expect(
      twice.evidence.filter { $0.entry == entry }.map(\.phrase) == [
        "across multiple countries and flagship initiatives"
      ])
  }

  /// Leading, managing or overseeing a programme is program work whichever determiner the
  /// posting uses ("Lead a programme to deliver the action plan").
  @Test func leadingAProgramIsProgramWorkWhateverTheDeterminer() throws {
    for duty in [
      "Lead a programme to deliver the action plan.", "Oversees the program for the region.",
      "Managing programs for the ministry.",
    ] {
      #expect(
        try analyze("Responsibilities\n- \(duty)\n").evidence.contains { $0.entry == "program-management-generic" },
        "\(duty)")
    }
  }

  @Test func aTitleNamingBothRolesImpliesNeither() throws {
    #expect(try features("Manage the schedule.", title: "Project / Program Manager").titleKey == PostingModel.dualTitle)
    #expect(try features("Manage the schedule.", title: "Senior Program Manager").titleKey == "program-manager")
    #expect(try features("Manage the schedule.", title: "Project/Programme Manager").titleKey == PostingModel.dualTitle)
    #expect(try features("Manage the schedule.", title: "Chief Cook").titleKey == PostingModel.noTitle)
    // One alternative naming a role and the other none is that role.
    #expect(try features("Manage the schedule.", title: "Project/Consortium Manager").titleKey == "project-manager")
    #expect(
      try analyze("Manage the schedule.", title: "Project/Consortium Manager").title.impliedRole == "project-manager")
    let dual = try analyze(
      "Responsibilities\n- Manage the project schedule, scope and budget to go-live.\n",
      title: "Project / Program Manager")
    #expect(dual.title.isDual && dual.title.impliedRole == nil && !dual.title.mismatch)
  }

  /// A programme's head or director is named in the singular and the plural alike.
  @Test func aProgramTitleIsReadInTheSingularAndThePlural() throws {
    for title in [
      "Head of Programme", "Head of Programs", "Director of Program", "Programmes Director", "Programs Manager",
    ] {
      #expect(try features("Manage the schedule.", title: title).titleKey == "program-manager", "\(title)")
    }
  }

  /// A studio's producer is its project manager: the title leans project, and the duties can
  /// still overturn it.
  @Test func aProducerIsAStudiosProjectManager() throws {
    #expect(try features("Manage the schedule.", title: "Senior Game Producer").titleKey == "project-manager")
    let scrum = try analyze(
      "Responsibilities\n- Facilitate daily stand-ups, sprint planning and retrospectives.\n"
        + "- Remove impediments and coach the team in agile principles and servant leadership.\n"
        + "- Facilitate continuous improvement and agile coaching across the team.\n",
      title: "Producer")
    #expect(scrum.fit.role == JobDescriptionAnalyzer.otherID)
  }

  /// The yardstick of cross-validation reads a title by its words alone, as a list of titles is
  /// skimmed: the first `title_words` rule with a word in it; the title rules read it as rolefit does.
  @Test func theTitleWordsBaselineReadsOnlyTheTitlesWords() throws {
    func words(_ title: String?, _ text: String = "Manage the schedule.") -> String? {
      analyzer.titleWordsRole(Posting(id: "test", text: text, title: title))
    }
    #expect(words("Program Manager - Major Projects") == "program-manager")
    #expect(words("Head of Programmes") == "program-manager")
    #expect(words("Project Coordinator") == "project-manager")
    #expect(try features("Manage the schedule.", title: "Project Coordinator").titleKey == "project-support")
    #expect(words("Senior Game Producer") == nil)
    #expect(words("Reprogramming Lead") == nil)
    // With no title given, the first line is the title only when it reads as one.
    #expect(words(nil, "Project Manager\nManage the schedule.") == "project-manager")
    #expect(words(nil, "Manage the project schedule and the program roadmap.") == nil)
  }

  /// A release manager runs an ongoing operation: another role, of the operations kind.
  @Test func aReleaseManagerRunsAnOperation() throws {
    for title in ["Game Release Manager", "Director, Release Management"] {
      #expect(try features("Manage the schedule.", title: title).titleKey == "operations-manager", "\(title)")
    }
  }

  /// The words outside a title's parentheses are what the role is called; a parenthesis (a
  /// grade or civil-service class) is read only when they name no role.
  @Test func aTitlesParenthesisIsReadOnlyWhenTheWordsOutsideNameNoRole() throws {
    let duty = "Manage the schedule."
    #expect(
      try features(duty, title: "Facilities Program Manager (Project/Program Manager III)").titleKey
        == "program-manager")
    #expect(try features(duty, title: "Deputy Director (Program Manager Senior IV)").titleKey == "program-manager")
    #expect(try features(duty, title: "Project / Program Manager (Grade 6)").titleKey == PostingModel.dualTitle)
    #expect(try features(duty, title: "Project Manager [Program Manager track]").titleKey == "project-manager")
    // The same from a first line read as the title.
    let firstLine = try analyze(
      "Facilities Program Manager (Project/Program Manager III)\nResponsibilities\n- Manage the schedule.\n")
    #expect(firstLine.title.impliedRole == "program-manager" && !firstLine.title.isDual)
  }

  @Test func aDutiesHeadingEndsTheCompanysSectionAboveIt() throws {
    // "About us" runs on over plain short lines; a heading that opens the role's duties ends it,
    // in the words employers use for it ("Job Purpose", "Key Accountabilities").
    let duties = "- Control project scope, cost and schedule through close-out.\n- Report project status weekly.\n"
    for heading in ["Job Purpose", "Key Accountabilities", "Essential Job Functions", "Purpose of Post:"] {
      let text = "About us\nWe deliver energy to homes.\n\(heading)\n\(duties)"
      let analysis = try analyze(text, title: "Lead Project Manager")
      #expect(!analysis.evidence.isEmpty, "\(heading)")
      #expect(!analysis.ignored.contains { $0.reason == .boilerplate }, "\(heading)")
    }
    let company = try analyze(
      "About us\nWe deliver energy to homes.\nOur network\n\(duties)", title: "Lead Project Manager")
    #expect(company.evidence.isEmpty)
  }

  @Test func aTitleReadFromTheFirstLineKeepsItsPunctuation() throws {
    let text = "Senior Program Manager (m/w/d)\n\nResponsibilities\n- Run program governance.\n"
    #expect(try analyze(text).title.stated == "Senior Program Manager (m/w/d)")
    let bold = "**Program Manager** — Berlin\n\nResponsibilities\n- Run program governance.\n"
    #expect(try analyze(bold).title.stated == "Program Manager — Berlin")
  }

  @Test func aTitleLineIsMeasuredWithoutItsParenthesesAndIsNeverASentence() throws {
    let duties = "\n\nResponsibilities\n- Control project scope, cost and schedule through close-out.\n"
    // A grade, a site and a contract type make a long line, but the title is still the title.
    for line in [
      "Project Director (Estates Grade 5, fixed term) - Riverside Hospital Redevelopment - Temp FT",
      "Manager, Project Management Office (PMO) Northgate Savings Bank (NSB) Leeds, United Kingdom",
      "Capital Projects Program Manager (Transport, county local government; state jobs listing)",
    ] {
      let analysis = try analyze(line + duties)
      #expect(analysis.title.stated == line)
      #expect(analysis.title.impliedRole != nil, "\(line)")
    }
    // A first line that is a sentence names a role without being the posting's title.
    for line in [
      "What does a Program Manager do?", "We are hiring a Program Manager.",
      "We're hiring a Program Manager to lead our platform", "Join us as a Program Manager (Payments)!",
    ] {
      let analysis = try analyze(line + duties)
      #expect(analysis.title.stated == nil, "\(line)")
    }
    #expect(try analyze("Project Manager, Sr." + duties).title.stated == "Project Manager, Sr.")
  }

  @Test func theDecidingReasonsPointTheVerdictsWay() throws {
    let analysis = try analyze(
      """
      Responsibilities
      - Own the program roadmap across multiple projects and manage the interdependencies between them.
      - Run program governance with a steering committee and report to executive stakeholders.
      - Drive benefits realization and track ROI for the transformation.
      """)
    #expect(analysis.fit.role == "program-manager")
    #expect(!analysis.deciding.isEmpty && analysis.deciding.count <= JobDescriptionAnalyzer.decidingCount)
    let model = try #require(pack.postingModel)
    let programClass = try #require(model.classes.firstIndex(of: "program-manager"))
    for index in analysis.deciding {
      let weights = try #require(model.entries[analysis.evidence[index].entry])
      #expect(weights[programClass] > 0)
    }
  }

  @Test func theConfidenceIsTheCalibratedProbabilityOfTheVerdict() throws {
    let analysis = try analyze("Responsibilities\n- Manage the project schedule, scope and budget to go-live.\n")
    let top = try #require(analysis.scores.map(\.share).max())
    // The bundled model maps the verdict's share to how often such a verdict was right.
    let calibration = try #require(pack.postingModel?.calibration)
    #expect(calibration != .identity)
    #expect(abs(analysis.fit.confidence - calibration.confidence(ofShare: top)) < 1e-9)
    #expect(abs(analysis.fit.confidence - top) > 0.01)
    #expect(abs(analysis.scores.map(\.share).reduce(0, +) - 1) < 1e-9)
  }

  @Test func severalProjectsMakeAProgramOnlyWhenTheyAreRelated() throws {
    // The source's program is a group of related projects; a project manager may run several at once.
    let several = try analyze("Responsibilities\n- Manage several projects at the same time for our clients.\n")
    let related = try analyze("Responsibilities\n- Manage several related projects for our clients.\n")
    let severalItem = try #require(several.evidence.first { $0.phrase.lowercased() == "several projects" })
    let relatedItem = try #require(related.evidence.first { $0.phrase.lowercased() == "several related projects" })
    #expect(severalItem.entry != relatedItem.entry)
    #expect(relatedItem.role == "program-manager")
    #expect(severalItem.role != "program-manager")
    #expect(several.share(of: "program-manager") < related.share(of: "program-manager"))
    // "several related projects" is both a lexicon phrase and a quantified scope: it is read once.
    #expect(related.evidence.filter { $0.phrase.lowercased() == "several related projects" }.count == 1)
    // A quantified scope ("multiple ... projects") the lexicon reads as a workload stays one.
    let concurrent = try analyze("Responsibilities\n- Manage multiple concurrent projects for our clients.\n")
    #expect(concurrent.evidence.map(\.entry) == [severalItem.entry])
    // ...and a related-projects phrase inside a longer quantified scope is listed once.
    let inside = try analyze("Responsibilities\n- Manage multiple complex related projects.\n")
    #expect(inside.evidence.map { $0.phrase.lowercased() } == ["related projects"])
    // A noun of scope the lexicon reads on its own is counted once, not again as quantified
    // scope around it ("across multiple [workstreams]").
    for duty in ["Coordinate delivery across multiple workstreams.", "Align several strategic initiatives."] {
      let once = try analyze("Responsibilities\n- \(duty)\n")
      #expect(once.evidence.count == 1, "\(duty): \(once.evidence.map(\.phrase))")
    }
  }

  @Test func aQuantifiedScopeIsReadLikeAPhrase() throws {
    let scope = "multiple large, complex projects"
    #expect(phrases(try analyze("Responsibilities\n- Manage \(scope) for the clinic.\n")).contains(scope))
    for (sentence, reason) in [
      ("You will not manage \(scope).", PostingAnalysis.Ignored.Reason.negated),
      ("Supporting \(scope) across the region.", .related),
    ] {
      let analysis = try analyze("Responsibilities\n- \(sentence)\n")
      #expect(!phrases(analysis).contains(scope), "\(sentence)")
      #expect(analysis.ignored.contains { $0.phrase == scope && $0.reason == reason }, "\(sentence)")
    }
  }

  /// A program manager's posting that touches account, operations and engineering work once each.
  static let scatteredOtherKinds = """
    Program Manager

    Responsibilities
    - Lead the payments modernization program across its workstreams.
    - Own the client relationship with the bank.
    - Keep BAU change running.
    - Review the microservices design with architects.
    - You are not responsible for the steering committee.
    """

  @Test func onlyTheLeadingKindOfOtherRoleCounts() throws {
    let otherPhrases: Set = ["client relationship", "bau", "microservices"]
    let analysis = try analyze(Self.scatteredOtherKinds)
    let counted = Set(phrases(analysis)).intersection(otherPhrases)
    let setAside = Set(analysis.ignored.filter { $0.reason == .anotherKind }.map { $0.phrase.lowercased() })
    #expect(counted.count == 1, "one kind leads: \(counted)")
    #expect(setAside == otherPhrases.subtracting(counted))
    #expect(analysis.otherKinds.count == 1)
    // What was set aside is listed in the text's order, whatever set it aside.
    #expect(analysis.ignored.map(\.start) == analysis.ignored.map(\.start).sorted())
    #expect(analysis.ignored.last?.reason == .negated)

    // Without the rule the three kinds' phrases all count, and add up towards `other`.
    let files = TestPacks.bundledFiles.map { file in
      var file = file
      if file.path == "jd.yaml" {
        #expect(file.text.contains("leading_only: true"))
        file.text = file.text.replacingOccurrences(of: "leading_only: true", with: "leading_only: false")
      }
      return file
    }
    let all = try JobDescriptionAnalyzer(pack: try #require(try ContentLoader.load(files).pack))
      .analyze(Posting(id: "test", text: Self.scatteredOtherKinds))
    #expect(Set(phrases(all)).isSuperset(of: otherPhrases))
    #expect(!all.ignored.contains { $0.reason == .anotherKind })
    #expect(all.share(of: "other") > analysis.share(of: "other"))

    // A posting whose other phrases gather on one kind keeps them all.
    let product = try analyze(
      "Senior Product Manager\n\nResponsibilities\n- Own the product roadmap and write product requirements.\n"
        + "- Run user research and define the product vision.\n")
    #expect(!product.ignored.contains { $0.reason == .anotherKind })
    #expect(product.fit.otherKind == "product-manager")
  }
}
