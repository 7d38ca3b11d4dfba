import RolefitCore
import Testing

/// The certification rules of the bundled pack at their boundaries (../shared/FACTS.md).
@Suite struct EligibilityTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }
  var checker: EligibilityChecker { EligibilityChecker(pack: pack) }

  func check(_ id: String, _ profile: Profile) throws -> Eligibility {
    checker.check(try #require(pack.credential(id)), for: profile)
  }

  @Test func pmpWithADegreeNeeds36Months() throws {
    let trained = Profile(education: "bachelor", months: [.project: 36], trainingHours: 35)
    #expect(try check("pmp", trained).status == .eligible)
    var short = trained
    short.months[.project] = 35
    let result = try check("pmp", short)
    #expect(result.status == .eligibleIn)
    #expect(result.months == 1)
  }

  @Test func pmpWithASecondaryDiplomaNeeds60Months() throws {
    let profile = Profile(education: "secondary", months: [.project: 40], trainingHours: 40)
    let result = try check("pmp", profile)
    #expect(result.status == .eligibleIn)
    #expect(result.months == 20)
    var longer = profile
    longer.months[.project] = 60
    #expect(try check("pmp", longer).status == .eligible)
  }

  @Test func pmpTrainingHoursAreMetByACAPM() throws {
    let untrained = Profile(education: "bachelor", months: [.project: 50], trainingHours: 10)
    let missing = try check("pmp", untrained)
    #expect(missing.status == .notEligible && missing.courseOnly)
    #expect(missing.detail.contains("25 more hours"))
    var withCAPM = untrained
    withCAPM.certifications = ["capm"]
    #expect(try check("pmp", withCAPM).status == .eligible)
  }

  /// Months and training still to gain date a credential, "once trained".
  ///
  /// Both are a matter of time; a missing degree keeps it undated.
  @Test func monthsAndTrainingMissingGiveADateOnceTrained() throws {
    let both = try check("pmp", Profile(education: "bachelor", months: [.project: 30], trainingHours: 10))
    #expect(both.status == .eligibleIn && both.months == 6 && both.alsoTraining)
    #expect(both.detail.contains("complete the training") && both.detail.contains("25 more hours"))
    let monthsOnly = try check("pmp", Profile(education: "bachelor", months: [.project: 30], trainingHours: 35))
    #expect(monthsOnly.status == .eligibleIn && !monthsOnly.alsoTraining)
    let noEducation = try check("pmp", Profile(education: nil, months: [.project: 30], trainingHours: 10))
    #expect(noEducation.status == .notEligible)
  }

  @Test func pgmpWithAndWithoutAPMP() throws {
    let base = Profile(education: "bachelor", months: [.project: 20, .program: 48], trainingHours: 0)
    let without = try check("pgmp", base)
    #expect(without.status == .eligibleIn)
    #expect(without.months == 28)
    var withPMP = base
    withPMP.certifications = ["pmp"]
    #expect(try check("pgmp", withPMP).status == .eligible)
    var secondary = withPMP
    secondary.education = "secondary"
    let longer = try check("pgmp", secondary)
    #expect(longer.status == .eligibleIn)
    #expect(longer.months == 36)  // 84 months of program management with a secondary diploma
  }

  @Test func aHeldCredentialIsHeld() throws {
    let profile = Profile(education: "bachelor", certifications: ["csm"])
    #expect(try check("csm", profile).status == .held)
  }

  @Test func courseCredentialsNameTheCourse() throws {
    let result = try check("csm", Profile(education: "bachelor"))
    #expect(result.status == .notEligible)
    #expect(result.detail.lowercased().contains("course"))
  }

  /// Training anyone can take opens a credential; months of experience or a missing degree do not.
  @Test func onlyMissingTrainingIsOpenToYou() throws {
    let capm = try check("capm", Profile(education: "secondary", trainingHours: 0))
    #expect(capm.status == .notEligible && capm.courseOnly)
    #expect(try check("pmp", Profile(education: "bachelor", months: [.project: 40], trainingHours: 0)).courseOnly)
    #expect(!(try check("pmp", Profile(education: "bachelor", months: [.project: 10], trainingHours: 0)).courseOnly))
    #expect(!(try check("csm", Profile(education: "bachelor", certifications: ["csm"])).courseOnly))
    #expect(try check("csm", Profile(education: "bachelor")).courseOnly)
  }

  @Test func aPractitionerNeedsItsFoundationFirst() throws {
    let result = try check("prince2-practitioner", Profile(education: "bachelor"))
    #expect(result.status == .notEligible)
    #expect(result.detail.contains("PRINCE2 Foundation"))
    #expect(try check("prince2-practitioner", Profile(certifications: ["prince2-foundation"])).status == .eligible)
  }

  @Test func theLearningPathFollowsTheFitAndTheProfile() throws {
    let planner = LearningPlanner(pack: pack)
    let fromProject = try #require(planner.plan(towards: "program-manager", profile: Profile(months: [.project: 30])))
    #expect(fromProject.path.from == "project-manager")
    let fresh = try #require(planner.plan(towards: "program-manager", profile: Profile()))
    #expect(fresh.path.from == nil)
    let project = try #require(planner.plan(towards: "project-manager", profile: Profile()))
    #expect(project.path.target == "project-manager")
    #expect(project.steps.contains { $0.eligibility != nil })
  }
}
