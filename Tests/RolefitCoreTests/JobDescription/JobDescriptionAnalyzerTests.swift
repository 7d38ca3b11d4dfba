import Foundation
import RolefitCore
import Testing

@Suite struct JobDescriptionAnalyzerTests {
  let pack: ContentPack
  let analyzer: JobDescriptionAnalyzer

  init() throws {
    pack = try TestPacks.bundled
    analyzer = try JobDescriptionAnalyzer(pack: pack)
  }

  func analyze(_ text: String, title: String? = nil) throws -> PostingAnalysis {
    try analyzer.analyze(Posting(id: "test", text: text, title: title))
  }

  /// Whether a program manager's posting of one duty line is given the recommendation `check`.
  func programPosting(_ line: String, isAskedFor check: String) throws -> Bool {
    try analyze("Program Manager\n- " + line).recommendations.contains { $0.id == check }
  }

  let programDuties = """
    Responsibilities
    - Own the program roadmap across multiple projects and manage the interdependencies between them.
    - Run program governance with a steering committee and report to executive stakeholders.
    - Drive benefits realization and track ROI for the transformation.
    """

  let projectDuties = """
    Responsibilities
    - Manage the project schedule, budget and scope from kickoff to go-live.
    - Run sprint planning, maintain the backlog and remove blockers for the team.
    - Track budget variance and on-time delivery; send weekly status reports.
    """

  @Test func offsetsAreUnicodeScalarsIntoTheTextAsRead() throws {
    let text = "Café ☕️ team — 🚀 launch\n" + programDuties + "\nÉquipe: naïve résumé of the project plan"
    let analysis = try analyze(text)
    let scalars = Array(text.unicodeScalars)
    #expect(!analysis.evidence.isEmpty)
    for item in analysis.evidence {
      let slice = String(String.UnicodeScalarView(scalars[item.start..<item.end]))
      #expect(slice == item.phrase)
    }
  }

  @Test func programAndProjectDutiesAreToldApart() throws {
    let program = try analyze(programDuties)
    #expect(program.fit.role == "program-manager")
    #expect(!program.fit.isHybrid)
    let project = try analyze(projectDuties)
    #expect(project.fit.role == "project-manager")
    #expect(abs(project.scores.map(\.share).reduce(0, +) - 1) < 1e-9)
  }

  /// Two kinds of `other` with the same weight: the one `jd.yaml` lists first leads, and the
  /// other's phrase is set aside as another kind.
  ///
  /// Whatever the order of the text, so the same posting always gets the same answer in every
  /// process. Every pair of kinds is tried, so an order that depends on hashing cannot pass by luck.
  /// When the duties' phrases for one kind of other role weigh exactly what the title adds to the
  /// kind it names, the title's kind is named: the employer said which role it is.
  @Test func aTieBetweenKindsGoesToTheKindTheTitleNames() throws {
    let rules = try #require(pack.jobDescription)
    let kinds = rules.otherKinds.map(\.id)
    var pairs = 0
    for rule in rules.titles where kinds.contains(rule.implies) {
      guard let title = rule.phrases.first else { continue }
      for entry in pack.lexicon where entry.weights.count == 1 {
        guard let (kind, weight) = entry.weights.first, kind != rule.implies, kinds.contains(kind), weight > 0,
          let phrase = entry.phrases.first(where: { !$0.contains("*") })
        else { continue }
        let repeats = rules.titleWeight / weight
        guard repeats == repeats.rounded(), (2...4).contains(Int(repeats)) else { continue }
        let text = "Responsibilities\n" + String(repeating: "- \(phrase).\n", count: Int(repeats))
        let analysis = try analyze(text, title: title)
        // Only postings where every phrase counted for its kind make the tie.
        guard analysis.evidence.count == Int(repeats), analysis.otherKinds[kind] == rules.titleWeight,
          analysis.otherKinds[rule.implies] == rules.titleWeight
        else { continue }
        #expect(analysis.namedOtherKind == rule.implies, "\(title): \(phrase) ×\(Int(repeats))")
        pairs += 1
      }
    }
    #expect(pairs > 0)
  }

  @Test func tiedOtherKindsFollowTheOrderOfTheRules() throws {
    let kinds = try #require(pack.jobDescription).otherKinds.map(\.id)
    // One single-kind, single-word-free phrase per kind and weight.
    var phrases: [String: [Double: String]] = [:]
    for entry in pack.lexicon where entry.weights.count == 1 {
      guard let (kind, weight) = entry.weights.first, kinds.contains(kind),
        let phrase = entry.phrases.first(where: { !$0.contains("*") })
      else { continue }
      phrases[kind, default: [:]][weight] = phrases[kind]?[weight] ?? phrase
    }
    var pairs = 0
    for (firstIndex, first) in kinds.enumerated() {
      for second in kinds[(firstIndex + 1)...] {
        guard let weight = phrases[first]?.keys.sorted().first(where: { phrases[second]?[$0] != nil }),
          let one = phrases[first]?[weight], let other = phrases[second]?[weight]
        else { continue }
        // Each phrase twice, so that each kind has phrases enough to be named (`named_from`).
        for order in [[one, one, other, other], [other, other, one, one]] {
          let analysis = try analyze("Responsibilities\n" + order.map { "- \($0).\n" }.joined())
          // Phrases set aside for another reason (a role's name, "product owner") tie nothing.
          guard analysis.evidence.count + analysis.ignored.count == 4,
            analysis.ignored.allSatisfy({ $0.reason == .anotherKind })
          else { continue }
          #expect(analysis.namedOtherKind == first, "\(order)")
          #expect(analysis.fit.role != JobDescriptionAnalyzer.otherID || analysis.fit.otherKind == first, "\(order)")
          #expect(analysis.evidence.map { $0.phrase.lowercased() } == [one.lowercased(), one.lowercased()], "\(order)")
          #expect(analysis.ignored.map(\.reason) == [.anotherKind, .anotherKind], "\(order)")
          pairs += 1
        }
      }
    }
    #expect(pairs >= 6)
  }

  @Test func negatedPhrasesDoNotCount() throws {
    let analysis = try analyze(
      "You will have no budget ownership and you are not responsible for the steering committee.\n" + projectDuties)
    #expect(
      analysis.ignored.contains { $0.reason == .negated && $0.phrase.lowercased().contains("steering committee") })
    #expect(!analysis.evidence.contains { $0.phrase.lowercased().contains("steering committee") })
  }

  /// When the duties settle nothing, the reasons show what pulls toward each of the two leading
  /// roles, under a heading that says so, not only what favours the one a hair ahead.
  @Test func anUnsettledVerdictShowsWhatPullsEachWay() throws {
    let pack = try TestPacks.bundledWithLexiconModel
    let text = """
      - Maintain the project schedule.
      - Manage the interdependencies between projects.
      """
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(Posting(id: "x", text: text))
    #expect(analysis.fit.isHybrid || analysis.fit.isUncertain, "\(analysis.fit)")
    let leading = analysis.scores.sorted { $0.share > $1.share }.prefix(2).map(\.role)
    let pulls = Set(analysis.deciding.map { analysis.evidence[$0].role })
    #expect(Set(leading).isSubset(of: pulls), "\(leading) \(pulls)")
    let shown = PostingRenderer(pack: pack).text(analysis, showText: false)
    #expect(shown.contains("What pulls each way") && !shown.contains("What decided it"))
  }

  /// A hybrid or uncertain verdict names two roles, so its confidence says which one it is the
  /// probability of, in every format; a verdict naming one role needs no such words.
  @Test func anUnsettledVerdictSaysWhatItsConfidenceIsIn() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let unsettled = try analyzer.analyze(
      Posting(id: "x", text: "- Maintain the project schedule.\n- Manage the interdependencies between projects.\n"))
    #expect(unsettled.fit.isHybrid || unsettled.fit.isUncertain, "\(unsettled.fit)")
    let name = try #require(pack.role(unsettled.fit.role)?.name.lowercased())
    let confidence = String(format: "%.2f", unsettled.fit.confidence)
    let renderer = PostingRenderer(pack: pack, width: 1000)
    #expect(renderer.text(unsettled, showText: false).contains("(confidence \(confidence) that it is the \(name))"))
    #expect(renderer.markdown(unsettled).contains("**Confidence:** \(confidence) that it is the \(name)"))
    #expect(PostingHTML(pack: pack).render(unsettled).contains("that it is the \(name)"))
    let settled = try analyzer.analyze(
      Posting(
        id: "y",
        text: "- Manage the project schedule, scope and budget to go-live.\n- Keep the project plan and the RAID log.\n"
      ))
    #expect(!settled.fit.isHybrid && !settled.fit.isUncertain, "\(settled.fit)")
    #expect(!renderer.text(settled, showText: false).contains("that it is"))
  }

  /// When the duties settle nothing and the pull toward one of the two leading roles is the
  /// title's, every format says so; a settled verdict does not list the title as a reason.
  @Test func anUnsettledVerdictNamesTheTitleAsAPull() throws {
    let pack = try TestPacks.bundledWithLexiconModel
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let duties = "- Manage the interdependencies between projects.\n"
    let unsettled = try analyzer.analyze(Posting(id: "x", text: duties, title: "Senior Project Manager"))
    #expect(unsettled.fit.isHybrid || unsettled.fit.isUncertain, "\(unsettled.fit)")
    #expect(!unsettled.deciding.contains { unsettled.evidence[$0].role == "project-manager" })
    let renderer = PostingRenderer(pack: pack, width: 1000)
    let pull = "The title \"Senior Project Manager\" → project manager"
    #expect(renderer.text(unsettled, showText: false).contains(pull))
    #expect(renderer.markdown(unsettled).contains("The title “Senior Project Manager” → project manager"))
    #expect(PostingHTML(pack: pack).render(unsettled).contains("The title “<strong>Senior Project Manager</strong>”"))
    let settled = try analyzer.analyze(Posting(id: "x", text: duties, title: "Senior Program Manager"))
    #expect(!settled.fit.isHybrid && !settled.fit.isUncertain)
    #expect(!renderer.text(settled, showText: false).contains("The title \""))
    // With no duties read there is nothing to explain: the verdict says there is not enough.
    let empty = try analyzer.analyze(
      Posting(id: "x", text: "We are a great company with free lunch.", title: "Senior Project Manager"))
    #expect(empty.evidence.isEmpty && !renderer.text(empty, showText: false).contains("What pulls each way"))
  }

  /// What a posting contrasts the role with ("rather than", "instead of") is not a duty of it;
  /// the same phrase said plainly, or after "not only" or "not limited to", is.
  @Test func whatTheRoleIsContrastedWithDoesNotCount() throws {
    for (sentence, counts) in [
      ("Coach the team rather than running sprint planning.", false),
      ("Coach the team instead of running sprint planning.", false),
      ("Coach the team and run sprint planning.", true),
      // "not only", "not just", "not limited to" affirm what follows.
      ("Coach the team and not only run sprint planning.", true),
      ("Coach the team, including but not limited to sprint planning.", true),
      ("Coach the team and not run sprint planning.", false),
    ] {
      let analysis = try analyze(projectDuties + "\n" + sentence + "\n")
      // Only the sentence's own phrase: the duties above it run sprint planning too.
      let after = projectDuties.unicodeScalars.count
      let found = analysis.evidence.contains { $0.phrase.lowercased() == "sprint planning" && $0.start > after }
      #expect(found == counts, "\(sentence)")
      #expect(
        analysis.ignored.contains {
          $0.reason == .negated && $0.phrase.lowercased() == "sprint planning" && $0.start > after
        } == !counts,
        "\(sentence)")
    }
  }

  /// A field whose whole value says there is none ("Steering committee: none") does not count;
  /// the same field with a value does, and so does a value that only starts with the word.
  @Test func aFieldWhoseValueIsNoneDoesNotCount() throws {
    for (field, counts) in [
      ("Steering committee: none", false), ("Steering committee: Nil", false),
      ("Steering committee: monthly", true), ("Steering committee: none yet, to be formed", true),
    ] {
      let analysis = try analyze(projectDuties + "\n" + field + "\n")
      let found = analysis.evidence.contains { $0.phrase.lowercased() == "steering committee" }
      #expect(found == counts, "\(field)")
      #expect(
        analysis.ignored.contains { $0.reason == .negated && $0.phrase.lowercased() == "steering committee" }
          == !counts,
        "\(field)")
    }
  }

  /// A verdict that settles no role names none in its advice: the fixes are worded for "the
  /// role", and no success measure or credential is called the wrong role's.
  @Test func anUncertainVerdictsFixesNameNoRole() throws {
    let analysis = try JobDescriptionAnalyzer(pack: try TestPacks.bundledWithLexiconModel).analyze(
      Posting(
        id: "x",
        text: "Manage the project budget. Facilitate the daily standup. Manage the interdependencies between projects.")
    )
    try #require(analysis.fit.isUncertain)
    let names = pack.roles.map(\.name) + (pack.jobDescription?.otherKinds.map(\.name) ?? [])
    let fixes = analysis.recommendations.map(\.fix)
    #expect(fixes.contains { $0.contains("the role ") })
    for fix in fixes { #expect(!names.contains { fix.contains("the \($0)") || fix.contains("'\($0)'") }, "\(fix)") }
    #expect(!analysis.recommendations.contains { ["kpi-mismatch", "certification-mismatch"].contains($0.id) })
  }

  /// When the duties mix a role with another kind of work, the warning names that kind, not
  /// just "another role".
  @Test func theMixedDutiesWarningNamesTheOtherKind() throws {
    let analysis = try JobDescriptionAnalyzer(pack: try TestPacks.bundledWithLexiconModel).analyze(
      Posting(id: "x", text: "Facilitate the daily standup. Manage the interdependencies between projects."))
    try #require(analysis.fit.isHybrid)
    try #require(analysis.scores.sorted { $0.share > $1.share }.prefix(2).contains { $0.role == "other" })
    let mixed = try #require(analysis.recommendations.first { $0.id == "mixed-duties" })
    #expect(mixed.message.contains("Another role (Scrum master or agile coach)"), "\(mixed.message)")
  }

  /// "Hybrid" is kept for two roles nearly even; a clear lead with a modest probability is "leaning".
  @Test func aClearButWeakLeadIsLeaningNotHybrid() throws {
    let analysis = try JobDescriptionAnalyzer(pack: try TestPacks.bundledWithLexiconModel).analyze(
      Posting(
        id: "x",
        text: "Manage the project schedule and the budget. Facilitate the daily standup. "
          + "Manage the interdependencies between projects."))
    try #require(!analysis.fit.isHybrid && !analysis.fit.isUncertain)
    // Below the "leaning" band's share: the old reading called it "hybrid".
    let leaning = try #require(pack.scoring.bands.dropLast().last)
    try #require(analysis.fit.confidence < leaning.minShare)
    #expect(analysis.fit.band != pack.scoring.bands.last?.id)
  }

  @Test func boilerplateSectionsAndSentencesDoNotCount() throws {
    let text = """
      About us
      We run a portfolio of programmes and a graduate programme with benefits realisation coaching.

      The role
      \(projectDuties)

      We are an equal opportunity employer and review multiple projects of diversity work.
      """
    let analysis = try analyze(text)
    #expect(analysis.fit.role == "project-manager")
    #expect(analysis.evidence.allSatisfy { $0.start > text.unicodeScalars.count / 4 })
    #expect(analysis.ignored.contains { $0.reason == .boilerplate })
  }

  @Test func aHeadingThatIsEvidenceIsNotBoilerplate() throws {
    let analysis = try analyze("Benefits realisation\nYou will drive benefits realisation across the programme.\n")
    #expect(analysis.evidence.contains { $0.phrase.lowercased().hasPrefix("benefits realisation") })
  }

  @Test func britishAndAmericanSpellingMatchAlike() throws {
    let british = try analyze("Own the programme roadmap and prioritise the organisation's benefits realisation.")
    let american = try analyze("Own the program roadmap and prioritize the organization's benefits realization.")
    #expect(british.evidence.map(\.entry) == american.evidence.map(\.entry))
    #expect(!british.evidence.isEmpty)
  }

  /// Upper case, mixed case and prefix phrases (`interdepend*`, `gantt*`) match as lower case does.
  @Test func caseDoesNotMatterAndPrefixesMatchWholeWords() throws {
    let lower = try analyze("Track the interdependencies in gantt charts and own the program roadmap.")
    let upper = try analyze("TRACK THE INTERDEPENDENCIES IN GANTT CHARTS AND OWN THE PROGRAM ROADMAP.")
    let mixed = try analyze("Track the InterDependencies in Gantt charts and own the Program Roadmap.")
    #expect(lower.evidence.map(\.entry) == upper.evidence.map(\.entry))
    #expect(lower.evidence.map(\.entry) == mixed.evidence.map(\.entry))
    #expect(upper.evidence.contains { $0.phrase == "INTERDEPENDENCIES" })
    #expect(mixed.evidence.contains { $0.phrase == "Gantt" })
    // A prefix matches words it begins, not words that merely contain it.
    #expect(
      !(try analyze("Reduce the team's nongantt overhead.")).evidence.contains {
        $0.phrase.lowercased().contains("gantt")
      })
  }

  /// The plural that makes a program is several *related* projects; several projects with nothing
  /// said to relate them are a workload (see `severalProjectsMakeAProgramOnlyWhenTheyAreRelated`).
  @Test func thePluralThatMatters() throws {
    let several = try analyze("You will coordinate multiple related projects across teams.")
    let one = try analyze("You will coordinate the project across teams.")
    #expect(several.share(of: "program-manager") > one.share(of: "program-manager"))
  }

  @Test func titleMismatchIsFlaggedButTheTitleNeverDecidesAlone() throws {
    let mislabelled = try analyze(projectDuties, title: "Senior Program Manager")
    #expect(mislabelled.title.impliedRole == "program-manager")
    #expect(mislabelled.fit.role == "project-manager")
    #expect(mislabelled.title.mismatch)
    #expect(mislabelled.recommendations.contains { $0.id == "title-mismatch" && $0.fix.contains("Project Manager") })
    let matching = try analyze(projectDuties, title: "Project Manager")
    #expect(!matching.title.mismatch)
    let titleOnly = try analyze("Program Manager\n\nGreat team, great snacks.")
    #expect(titleOnly.fit.confidence == 0)
    #expect(titleOnly.fit.isHybrid)
    #expect(titleOnly.recommendations.first?.id == "no-duties")
  }

  @Test func htmlAndMarkdownPostingsAreRead() throws {
    let html =
      "<h2>About us</h2><p>We run a portfolio of projects for clients.</p><h2>The role</h2><ul><li>Own the program roadmap</li><li>Manage interdependencies &amp; governance</li></ul>"
    let analysis = try analyze(html)
    #expect(analysis.fit.role == "program-manager")
    #expect(analysis.ignored.contains { $0.reason == .boilerplate })
    let markdown = try analyze(
      "## About us\nWe run a portfolio of programs.\n## Responsibilities\n**Own** the project schedule, scope and budget through to go-live.\n- Track budget variance and on-time delivery; send weekly status reports."
    )
    #expect(markdown.fit.role == "project-manager")
    let titled = try analyze("**Senior Program Manager** — Berlin\n" + projectDuties)
    #expect(titled.title.stated == "Senior Program Manager — Berlin")
    #expect(titled.title.impliedRole == "program-manager")
  }

  @Test func emptyAndOversizedPostingsAreRefused() throws {
    #expect(throws: PostingError.empty(id: "test")) { try analyze("  \n\t ") }
    let batch = PostingBatch(analyzer: analyzer, maxBytes: 100)
    #expect(throws: PostingError.tooLarge(id: "big", bytes: 200, limit: 100)) {
      try batch.analyze(Posting(id: "big", text: String(repeating: "a", count: 200)))
    }
  }

  /// A posting that manages the dependencies between projects says it runs several related
  /// ones: it is not asked to say so.
  @Test func dependenciesBetweenProjectsAnswerTheScopeQuestion() throws {
    func asksForIt(_ line: String) throws -> Bool { try programPosting(line, isAskedFor: "scope-size") }
    #expect(try asksForIt("Facilitate the daily standup."))
    #expect(try !asksForIt("Facilitate the daily standup and manage the interdependencies between projects."))
  }

  /// One phrase never names a kind of other role ("outreach" alone is not a service program);
  /// two do, and so does one with a title that names the kind.
  @Test func onePhraseNeverNamesAKindOfOtherRole() throws {
    let one = try analyze("Responsibilities\n- Plan the capital projects, including outreach and design.\n")
    #expect(one.evidence.contains { $0.entry == "service-program-delivery" })
    #expect(one.namedOtherKind == nil)
    let two = try analyze(
      "Responsibilities\n- Plan the capital projects, including outreach and design.\n- Manage the caseload.\n")
    #expect(two.namedOtherKind == "service-program")
    let titled = try analyze(
      "Responsibilities\n- Plan the capital projects, including outreach and design.\n", title: "Program Officer")
    #expect(titled.namedOtherKind == "service-program")
  }

  /// A posting read as another role whose evidence names no one kind is told so, in words: no
  /// "Retitle it 'Another role'", no "the Another role is accountable for".
  @Test func anotherRoleWithNoKindNamedIsAdvisedInWords() throws {
    var pack = try TestPacks.bundled
    pack.jobDescription?.structure.kindNamedFrom = 50
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(
      Posting(
        id: "x",
        text: """
          Responsibilities
          - Own the product vision and strategy, run product discovery and prioritize features.
          - Write product requirements and track adoption and retention metrics for the product.
          """,
        title: "Program Manager"))
    #expect(analysis.fit.role == JobDescriptionAnalyzer.otherID && analysis.fit.otherKind == nil)
    let shown = PostingRenderer(pack: pack).text(analysis, showText: false)
    #expect(shown.contains("other (the duties do not say which role)"), "\(shown)")
    #expect(analysis.recommendations.contains { $0.id == "title-mismatch" })
    for item in analysis.recommendations {
      #expect(!item.message.contains("Another role") && !item.fix.contains("Another role"), "\(item)")
    }
    // A title that names a kind of other role agrees with a verdict of another role, named or not.
    let account = try JobDescriptionAnalyzer(pack: pack).analyze(
      Posting(id: "y", text: analysis.text, title: "Account Manager"))
    #expect(account.fit.role == JobDescriptionAnalyzer.otherID && account.fit.otherKind == nil)
    #expect(!account.title.mismatch && !account.recommendations.contains { $0.id == "title-mismatch" })
  }

  /// A horizon the evidence names ("long-range planning": "a multi-year horizon") is a time frame:
  /// the page does not also say that none is stated.
  @Test func aHorizonTheEvidenceNamesIsATimeFrame() throws {
    func asksForIt(_ line: String) throws -> Bool { try programPosting(line, isAskedFor: "time-horizon") }
    #expect(try asksForIt("Lead planning and capacity modelling across the game team."))
    #expect(try !asksForIt("Lead long-range planning and capacity modelling across the game team."))
    #expect(try !asksForIt("Run a multi-year program of platform upgrades."))
    #expect(try !asksForIt("Keep the release deadlines for the game team."))
  }

  /// A posting that says the role owns or decides something is not told it says neither.
  @Test func whatTheRoleOwnsOrDecidesIsAuthority() throws {
    func asksForIt(_ line: String) throws -> Bool { try programPosting(line, isAskedFor: "authority") }
    #expect(try asksForIt("Work with the teams in their own time zones."))
    #expect(try !asksForIt("Coordinate the related projects and own benefits realisation for the programme."))
    #expect(try !asksForIt("Coordinate the related projects and owns benefits realisation."))
    #expect(try !asksForIt("Decides which projects enter the programme each quarter."))
    #expect(try !asksForIt("Owning the programme budget and its forecast."))
    // "Own" opening a duty is the verb; within a sentence it is as often "their own".
    #expect(try !asksForIt("Own benefits realisation for the programme."))
    #expect(try !asksForIt("Report to the board. Own benefits realisation for the programme."))
    #expect(try asksForIt("Coordinate the related projects for our own benefits realisation."))
  }

  @Test func aReportingLineSaidDirectlyOrToASteeringBodyIsAReportingLine() throws {
    func asksForIt(_ line: String) throws -> Bool {
      try analyze(projectDuties + "\n" + line).recommendations.contains { $0.id == "stakeholder-level" }
    }
    #expect(try asksForIt("You will work from our Leeds office."))
    #expect(try !asksForIt("You will report into the Senior Development Director."))
    #expect(try !asksForIt("The position will report directly to the Deputy Director."))
    #expect(try !asksForIt("Present progress to the steering committee every month."))
  }

  @Test func recommendationsNameTheKPIsAndCredentialsOfTheFit() throws {
    let analysis = try analyze(projectDuties + "\nPgMP required.")
    #expect(analysis.fit.role == "project-manager")
    #expect(analysis.recommendations.contains { $0.id == "certification-mismatch" && $0.fix.contains("PMP") })
  }

  /// A credential the verdict's own advice asks for is never called the wrong one on the same page,
  /// whichever role it also serves (the PMP for a portfolio office); one it does not ask for is.
  @Test func aCredentialTheDutiesCallForIsNoMismatch() throws {
    let rules = try #require(pack.jobDescription)
    let duties =
      "Responsibilities\n- Run the portfolio office: stage gates, portfolio prioritization and PMO standards.\n"
    let asked = try analyze(duties + "PMP required.", title: "PMO Lead")
    let kind = try #require(asked.fit.otherKind)
    let advice = try #require(rules.advice[kind])
    let pmp = try #require(pack.lexicon.first { $0.id == "cert-pmp" })
    #expect(!Set(pmp.credentials).isDisjoint(with: advice.certifications))
    #expect(asked.evidence.contains { $0.entry == "cert-pmp" })
    #expect(!asked.recommendations.contains { $0.id == "certification-mismatch" }, "\(asked.recommendations)")
    let prince2 = try #require(pack.lexicon.first { $0.id == "cert-prince2" })
    #expect(Set(prince2.credentials).isDisjoint(with: advice.certifications))
    let other = try analyze(duties + "PMP and PRINCE2 required.", title: "PMO Lead")
    #expect(other.fit.otherKind == kind)
    let mismatch = try #require(other.recommendations.first { $0.id == "certification-mismatch" })
    #expect(mismatch.message.contains("PRINCE2") && !mismatch.message.contains("PMP"), "\(mismatch.message)")
  }
}

/// The labelled set in eval/: the engine must keep at least 90% accuracy on it.
@Suite struct LabelledPostingsTests {
  @Test func accuracyOnTheLabelledSetIsAtLeast90Percent() throws {
    let pack = try TestPacks.bundled
    let batch = PostingBatch(analyzer: try JobDescriptionAnalyzer(pack: pack), maxBytes: 1 << 20)
    let url = TestPacks.repository.appendingPathComponent("eval/postings.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated().map {
      (number: $0.offset + 1, data: Data($0.element.utf8))
    }
    #expect(lines.count >= 60)
    var evaluation = Evaluation(labels: pack.roles.map(\.id) + ["other"])
    for outcome in batch.process(lines: lines, source: "eval/postings.jsonl", render: { _ in [] }) {
      guard case .analysed(let analysis, _, let label?) = outcome else {
        Issue.record("a labelled posting was not analysed: \(outcome)")
        continue
      }
      evaluation.add(id: analysis.id, actual: label, predicted: analysis.fit.role)
    }
    #expect(evaluation.total == lines.count)
    #expect(evaluation.accuracy >= 0.9, "\(evaluation.report())")
    for label in ["project-manager", "program-manager", "other"] {
      #expect((evaluation.recall(label) ?? 0) >= 0.6, "recall of \(label): \(evaluation.report())")
    }
  }
}

@Suite struct PostingRendererTests {
  @Test func jsonLinesCarryTheSameDocumentAsThePrettyJSON() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let renderer = PostingRenderer(pack: pack)
    let url = TestPacks.repository.appendingPathComponent("eval/postings.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(20)
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let text = try #require(object["text"] as? String) + "\n\"quoted\" \\ back\tslash \u{1} {a: [b, c]} \\\" }], :"
      let analysis = try analyzer.analyze(Posting(id: "x", text: text, title: object["title"] as? String))
      let compact = renderer.json(analysis, compact: true)
      #expect(compact.hasSuffix("\n") && !compact.dropLast().contains("\n"))
      let fromLine = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
      let fromPretty = try JSONSerialization.jsonObject(with: Data(renderer.json(analysis).utf8)) as? NSDictionary
      #expect(fromLine != nil && fromLine == fromPretty)
    }
  }

  /// The pretty form is indented two spaces a level, `"key" : value`, and empty lists stay `[]`.
  @Test func prettyJSONIsIndentedLikeTheEncoder() throws {
    let pack = try TestPacks.bundled
    let renderer = PostingRenderer(pack: pack)
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let pretty = renderer.json(try analyzer.analyze(Posting(id: "x", text: "Nothing here but words about lunch.")))
    let lines = pretty.split(separator: "\n")
    #expect(lines.first == "{" && lines.last == "}")
    #expect(lines.contains("  \"deciding\" : [],"))
    #expect(lines.contains { $0.hasPrefix("  \"fit\" : {") })
    #expect(lines.contains { $0.hasPrefix("    \"band\" : ") })
  }

  /// The highlighted posting is the posting with each piece of evidence marked, however long.
  @Test func aLongPostingIsHighlightedWhole() throws {
    let pack = try TestPacks.bundled
    let renderer = PostingRenderer(pack: pack, colorHighlights: false)
    let duties = "Manage the project schedule, budget and scope; run sprint planning for the team."
    let text = String(repeating: duties + "\nÜber café – ", count: 400)
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(Posting(id: "x", text: text))
    let shown = renderer.highlighted(analysis)
    #expect(shown.components(separatedBy: "]{").count - 1 == analysis.evidence.count)
    let unmarked = shown.replacing(/\]\{[^}]*\}/, with: "").replacing("[", with: "")
    #expect(unmarked == text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Matches of one entry share its meaning, but changing one item's reason or role changes that
  /// item alone, in the value and in the JSON written for it.
  @Test func changingOneEvidenceItemLeavesTheOtherMatchesOfItsEntryAlone() throws {
    let pack = try TestPacks.bundled
    let text = "Own the project schedule.\nUpdate the project schedule weekly.\nPublish the project schedule."
    var analysis = try JobDescriptionAnalyzer(pack: pack).analyze(Posting(id: "x", text: text))
    let entry = try #require(analysis.evidence.first?.entry)
    let same = analysis.evidence.indices.filter { analysis.evidence[$0].entry == entry }
    #expect(same.count >= 2, "\(analysis.evidence.map(\.phrase))")
    let (first, second) = (same[0], same[1])
    let original = analysis.evidence[second]
    analysis.evidence[first].reason = "edited"
    analysis.evidence[first].role = "program-manager"
    #expect(analysis.evidence[first].reason == "edited" && analysis.evidence[first].role == "program-manager")
    #expect(analysis.evidence[second] == original && analysis.evidence[second].reason != "edited")
    #expect(analysis.evidence[first] != original)
    let json = PostingRenderer(pack: pack).json(analysis, compact: true)
    #expect(json.components(separatedBy: "\"reason\":\"edited\"").count == 2, "\(json)")
  }

  /// A fitted model leaves out the entries it fitted to zero: their evidence says so, rather than
  /// pointing to a role with no weight behind it.
  @Test func evidenceOfAnEntryFittedToZeroSaysSo() throws {
    var pack = try TestPacks.bundled
    var model = try #require(pack.postingModel)
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(
      Posting(id: "x", text: "Own the project schedule and the budget variance.\nRun sprint planning."))
    let item = try #require(analysis.evidence.first { model.entries[$0.entry] != nil })
    #expect(!PostingRenderer(pack: pack).shares(of: item).contains("no weight"))
    model.entries[item.entry] = nil
    pack.postingModel = model
    let shown = PostingRenderer(pack: pack).shares(of: item)
    #expect(shown.hasSuffix("(fitted to no weight)"), "\(shown)")
  }

  /// An entry that points to a role and to a kind of other role ("roadmap": program and product)
  /// shows the one the fit weighs, in the terminal and in the JSON alike, not the one the lexicon
  /// happens to list first.
  @Test func evidenceShowsTheRoleTheFitWeighs() throws {
    var pack = try TestPacks.bundled
    var model = try #require(pack.postingModel)
    let entry = try #require(
      pack.lexicon.first { entry in
        entry.weights.count == 2 && entry.weights["program-manager"] != nil
          && entry.weights.keys.contains { pack.role($0) == nil }
      })
    let other = try #require(entry.weights.keys.first { pack.role($0) == nil })
    let posting = Posting(id: "x", text: "Own the \(try #require(entry.phrases.first)).")
    func read(weighing target: String) throws -> (item: PostingAnalysis.Evidence, json: String) {
      model.entries[entry.id] = model.classes.map { $0 == target ? 0.5 : 0 }
      pack.postingModel = model
      let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(posting)
      let item = try #require(analysis.evidence.first { $0.entry == entry.id })
      return (item, PostingRenderer(pack: pack).json(analysis, compact: true))
    }
    let program = try read(weighing: "program-manager")
    #expect(program.item.role == "program-manager" && program.item.weight == 0.5)
    #expect(program.json.contains("\"role\":\"program-manager\",\"start\""), "\(program.json)")
    let kind = try read(weighing: JobDescriptionAnalyzer.otherID)
    #expect(kind.item.role == other && kind.item.weight == 0.5)
  }

  /// Each evidence object in the JSON says what the analysis found: its phrase, offsets, role,
  /// weight, reason and claim, whether it was written from the entry's cached pieces or field by field.
  @Test func evidenceInTheJSONIsTheEvidenceFound() throws {
    let pack = try TestPacks.bundled
    let analyzer = try JobDescriptionAnalyzer(pack: pack)
    let renderer = PostingRenderer(pack: pack)
    let url = TestPacks.repository.appendingPathComponent("eval/postings.jsonl")
    var checked = 0
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(30) {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      var analysis = try analyzer.analyze(
        Posting(id: "x", text: try #require(object["text"] as? String), title: object["title"] as? String))
      // One item no entry would write: the general path.
      if !analysis.evidence.isEmpty { analysis.evidence[0].reason += " \"edited\"" }
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(renderer.json(analysis, compact: true).utf8)) as? [String: Any])
      let written = try #require(json["evidence"] as? [[String: Any]])
      #expect(written.count == analysis.evidence.count)
      for (item, dictionary) in zip(analysis.evidence, written) {
        #expect(dictionary["phrase"] as? String == item.phrase)
        #expect(dictionary["start"] as? Int == item.start)
        #expect(dictionary["end"] as? Int == item.end)
        #expect(dictionary["role"] as? String == item.role)
        #expect(dictionary["weight"] as? Double == item.weight)
        #expect(dictionary["reason"] as? String == item.reason)
        #expect(dictionary["claim"] as? String == item.claim)
        #expect(dictionary["requirement"] as? Bool == (item.isRequirement ? true : nil))
        #expect(
          Set(dictionary.keys)
            == Set(
              ["phrase", "start", "end", "role", "weight", "reason"] + (item.claim == nil ? [] : ["claim"])
                + (item.isRequirement ? ["requirement"] : [])))
        checked += 1
      }
    }
    #expect(checked > 100)
  }

  @Test func csvRowsQuoteTheirFields() throws {
    let pack = try TestPacks.bundled
    let analysis = try JobDescriptionAnalyzer(pack: pack).analyze(
      Posting(id: "a,\"b\"", text: "Own the project schedule and the backlog.", title: "Project Manager, Payments"))
    let row = PostingRenderer(pack: pack).csvRow(analysis)
    #expect(row.hasPrefix("\"a,\"\"b\"\"\",\"Project Manager, Payments\",project-manager,project-manager,"))
  }
}
