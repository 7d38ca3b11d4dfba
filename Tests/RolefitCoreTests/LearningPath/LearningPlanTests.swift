import RolefitCore
import Testing

/// Learning paths start where the person is: held credentials, experience and growth.
@Suite struct LearningPlanTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }
  var planner: LearningPlanner { LearningPlanner(pack: pack) }

  /// An IT project manager with six years of experience and a PMP.
  let projectManager = Profile(
    education: "bachelor", months: [.project: 72, .program: 0, .agile: 30], trainingHours: 40,
    certifications: ["pmp"])
  /// A program manager with a PMP and the SAFe Agilist.
  let programManager = Profile(
    education: "bachelor", months: [.project: 60, .program: 24, .agile: 24], trainingHours: 60,
    certifications: ["pmp", "safe-agilist"])

  func credentials(_ steps: [LearningPlan.Step]) -> [String] {
    steps.compactMap { if case .credential(let id) = $0.subject { id } else { nil } }
  }

  func topics(_ steps: [LearningPlan.Step]) -> [String] {
    steps.compactMap { if case .topic(let topic) = $0.subject { topic } else { nil } }
  }

  @Test func aHeldPMPSupersedesTheCAPM() throws {
    let capm = try #require(pack.credential("capm"))
    #expect(EligibilityChecker(pack: pack).check(capm, for: projectManager).status == .held)
    for target in ["project-manager", "program-manager"] {
      let plan = try #require(planner.plan(towards: target, profile: projectManager))
      #expect(!credentials(plan.steps).contains("capm"))
      #expect(!credentials(plan.steps).contains("pmp"))
    }
  }

  @Test func anExperiencedProjectManagerIsNotToldToStartOver() throws {
    let plan = try #require(planner.plan(towards: "project-manager", profile: projectManager))
    #expect(plan.path.from == "project-manager")
    #expect(!plan.path.title.lowercased().hasPrefix("becoming"))
    #expect(!topics(plan.steps).contains { $0.hasPrefix("Run one project") || $0.hasPrefix("Log your months") })
    // Growth: the PgMP with the program months it still needs, and the PMI-ACP.
    let pgmp = try #require(plan.steps.first { $0.subject == .credential("pgmp") }?.eligibility)
    #expect(pgmp.status == .eligibleIn)
    #expect(pgmp.months == 48)
    #expect(pgmp.waitingFor == .program)
    #expect(credentials(plan.steps).contains("pmi-acp"))
    // The other growth routes are offered; the "becoming" path is not.
    #expect(plan.alternatives.contains("project-to-program"))
    #expect(plan.alternatives.contains("agile-delivery"))
    #expect(!plan.alternatives.contains("towards-project-manager"))
  }

  @Test func experienceRemovesBecomeStepsFromABecomingPath() throws {
    let path = try #require(pack.paths.first { $0.id == "towards-project-manager" })
    let plan = try #require(planner.plan(towards: "project-manager", profile: Profile(months: [.project: 14])))
    #expect(plan.path.id == path.id)
    #expect(!topics(plan.steps).contains { $0.hasPrefix("Run one project") })
    #expect(topics(plan.done).contains { $0.hasPrefix("Run one project") })
  }

  @Test func aProgramManagerWithAPMPAndSAFeGrowsTowardsThePgMP() throws {
    let plan = try #require(planner.plan(towards: "program-manager", profile: programManager))
    #expect(plan.path.from == "program-manager")
    #expect(!credentials(plan.steps).contains("pmp"))
    #expect(!credentials(plan.steps).contains("safe-agilist"))
    let pgmp = try #require(plan.steps.first { $0.subject == .credential("pgmp") }?.eligibility)
    #expect(pgmp.months == 24)
    #expect(credentials(plan.done).contains("pmp"))
  }

  @Test func pmpHasAGACRouteWith24Months() throws {
    let pmp = try #require(pack.credential("pmp"))
    let gac = Profile(education: "gac-degree", months: [.project: 24], trainingHours: 35)
    let result = EligibilityChecker(pack: pack).check(pmp, for: gac)
    #expect(result.status == .eligible)
    #expect(result.route?.contains("GAC") == true)
    var plain = gac
    plain.education = "bachelor"
    #expect(EligibilityChecker(pack: pack).check(pmp, for: plain).status == .eligibleIn)
  }

  @Test func pgmpHasAnUnverifiedGACRoute() throws {
    let pgmp = try #require(pack.credential("pgmp"))
    let route = try #require(pgmp.routes.first { $0.education == "gac-degree" })
    #expect(route.experience.map(\.months) == [36, 36])
    #expect(!route.verified)
    let result = EligibilityChecker(pack: pack).check(
      pgmp, for: Profile(education: "gac-degree", months: [.project: 36, .program: 36]))
    #expect(result.status == .eligible)
  }

  @Test func everyRouteOfACredentialHasItsRulesInWords() throws {
    let pmp = try #require(pack.credential("pmp"))
    let rules = pmp.routes.map { $0.rules(in: pack) }
    #expect(rules.count == 3)
    #expect(rules.contains { $0.contains { $0.contains("24 months of project experience") } })
    #expect(rules.allSatisfy { $0.contains { $0.contains("35 hours of training (or hold the CAPM)") } })
  }

  @Test func factsFromTrainingVendorsAndBlogsAreNeverVerified() {
    for credential in pack.credentials where !credential.source.contains("(official") {
      #expect(!credential.verified, "\(credential.id) is marked verified from \(credential.source)")
    }
  }
}
