import Foundation
import Testing

/// `rolefit narrative` as a candidate uses it: three pasted summaries, bad input, the profile.
@Suite(.serialized) struct NarrativeEndToEndTests {
  let summaries = """
    # Retail modernisation
    As program manager I coordinated four related projects: the CRM rollout, the data migration, the e-commerce platform and the store systems upgrade. I sequenced the projects so that the data migration landed before the CRM rollout. The program delivered a 12% rise in repeat purchases, which I tracked for a year after the last project closed.

    # Billing
    I led the strategic program to deliver the new billing system. I managed the schedule and budget of the release and delivered the system on time and within budget.

    # IT
    I managed a program in the IT department for three years.
    """

  @Test func threePastedSummariesShowTheReadingSentencesDomainsAndQuestions() throws {
    let text = try RolefitBinary.run(["narrative", "-"], input: summaries)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Summary 1: Retail modernisation · reads as program work"))
    #expect(text.stdout.contains("Summary 2: Billing · reads as project work"))
    #expect(text.stdout.contains("Summary 3: IT · not enough of either"))
    #expect(text.stdout.contains("[project] I managed the schedule and budget of the release"))
    #expect(text.stdout.contains("? You wrote \"on time and within budget\""))
    #expect(text.stdout.contains("What to add"))
    #expect(text.stdout.contains("Sources disagree"))

    let json = try RolefitBinary.run(["narrative", "-", "--format", "json"], input: summaries)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let list = try #require(object["summaries"] as? [[String: Any]])
    #expect(list.compactMap { $0["reading"] as? String } == ["program", "project", "unclear"])
  }

  @Test func nothingIsSavedUnlessAskedAndSaveWritesTheFile() throws {
    let environment = RolefitBinary.environment()
    let home = try #require(environment["HOME"])
    _ = try RolefitBinary.run(["narrative", "-"], input: summaries, environment: environment)
    #expect(!FileManager.default.fileExists(atPath: home + "/data/rolefit/rolefit.sqlite"))
    let folder = try RolefitBinary.temporaryDirectory()
    let out = folder.appendingPathComponent("report.md").path
    let saved = try RolefitBinary.run(["narrative", "-", "--save", out], input: summaries, environment: environment)
    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("## Summary 2: Billing"))
  }

  @Test func badInputGetsOneLineAndTheRightExitStatus() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let empty = folder.appendingPathComponent("empty.txt")
    try Data("  \n\n".utf8).write(to: empty)
    let binary = folder.appendingPathComponent("photo.jpg")
    try Data([0xFF, 0xD8, 0xFF, 0x00, 0x10, 0x4A, 0x46]).write(to: binary)
    let large = folder.appendingPathComponent("large.txt")
    try Data(String(repeating: "I managed the schedule. ", count: 100).utf8).write(to: large)
    for (arguments, status, names) in [
      (["narrative", empty.path], Int32(65), empty.path),
      (["narrative", binary.path], Int32(65), binary.path),
      (["narrative", large.path, "--max-size", "1"], Int32(65), large.path),
      (["narrative", folder.appendingPathComponent("none.txt").path], Int32(66), "none.txt"),
    ] {
      let outcome = try RolefitBinary.run(arguments)
      #expect(outcome.status == status, "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
      #expect(outcome.stderr.contains(names))
    }
    #expect(try RolefitBinary.run(["narrative"]).status == 64)
  }

  @Test func aProfileFileAddsThePgMPEligibilityLine() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let profile = folder.appendingPathComponent("me.yaml")
    try "profile.education: bachelor\nprofile.project-months: 60\nprofile.program-months: 20\n".write(
      to: profile, atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["narrative", "-", "--profile", profile.path], input: summaries)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("PgMP eligibility: Eligible in 28 months"))
  }

  @Test func theSavedAssessmentGivesTheProfileWhenNoFileIsGiven() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let environment = RolefitBinary.environment(["ROLEFIT_DB": folder.appendingPathComponent("db.sqlite").path])
    // Take the assessment on the current track: the profile's own answers, then each question's first option.
    let bank = try RolefitBinary.run(["questions", "--format", "json"], environment: environment)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bank.stdout.utf8)) as? [String: Any])
    let questions = try #require(object["questions"] as? [[String: Any]])
    let profile = [
      "profile.track": "current", "profile.education": "bachelor", "profile.project-months": "60",
      "profile.program-months": "20", "profile.certifications": "none",
    ]
    var lines = ["assess"]
    for question in questions where question["track"] as? String != "preference" {
      let id = try #require(question["id"] as? String)
      let options = question["options"] as? [[String: Any]] ?? []
      lines.append(
        profile[id] ?? (question["type"] as? String == "number" ? "10" : options.first?["id"] as? String ?? "3"))
    }
    let session = try RolefitBinary.run(
      ["--person", "Dana"], input: (lines + ["quit"]).joined(separator: "\n") + "\n", environment: environment)
    #expect(session.stdout.contains("Your work "), "\(session.stdout.suffix(400))")
    let outcome = try RolefitBinary.run(["narrative", "-"], input: summaries, environment: environment)
    #expect(outcome.stdout.contains("PgMP eligibility: Eligible in 28 months"))
    let unsaved = try RolefitBinary.run(["narrative", "-", "--no-save"], input: summaries, environment: environment)
    #expect(!unsaved.stdout.contains("PgMP eligibility"))
  }
}
