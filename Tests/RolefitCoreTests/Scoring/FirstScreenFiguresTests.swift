import Foundation
import RolefitCore
import Testing

/// The result's first screen with the figures of the five-role assessment: quality problems
/// before the verdict, a sentence for the other roles and for "no clear role", and a learning
/// path towards whichever role leads.
@Suite struct FirstScreenFiguresTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  /// Answers choosing, in every scored question of the current track, the option of `role`.
  func answers(for role: String, pack: ContentPack, projectMonths: Double = 40) -> AnswerSheet {
    var sheet = AnswerSheet(values: [
      "profile.track": .choice("current"), "profile.project-months": .number(projectMonths),
      "profile.program-months": .number(0),
    ])
    for question in Scorer(pack: pack).questions(for: .current) {
      if let option = question.options.first(where: { ($0.weights[role] ?? 0) > 0 }) {
        sheet[question.id] = .choice(option.id)
      }
    }
    return sheet
  }

  func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  @Test func qualityProblemsAreSaidInWordsBeforeTheVerdict() throws {
    let sheet = answers(for: "program-manager", pack: pack, projectMonths: 0)
    let report = AssessmentReport(pack: pack, answers: sheet)
    #expect(report.result.warnings.map(\.id) == ["senior-scope-no-experience"])
    let summary = AssessmentRenderer(pack: pack, width: 80).summary(report, more: nil)
    let screen = lines(summary)
    #expect(screen.first?.hasPrefix("! The answers describe program manager scope") == true)
    let verdict = try #require(screen.firstIndex { $0.hasPrefix("Your work ") })
    #expect(verdict > 0)
    #expect(screen[..<verdict].joined(separator: " ").contains("Treat this result as provisional."))
    let rest = screen[verdict...].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(rest.contains("lowered because the answer problem above cuts it by 50%"))
  }

  @Test func anotherRoleIsNamedInTheSentenceAndGetsItsPath() throws {
    for role in pack.otherRoles {
      let report = AssessmentReport(pack: pack, answers: answers(for: role.id, pack: pack))
      #expect(report.result.fit.role == role.id)
      let summary = AssessmentRenderer(pack: pack, width: 1_000).summary(report, more: nil)
      let work = try #require(role.work)
      #expect(summary.hasPrefix("Your work is more \(work) than project management or program management: "))
      #expect(report.plan?.path.target == role.id)
      #expect(summary.contains("Next: "))
      // The bar names the two leading roles, the leading one among them.
      let bar = try #require(lines(summary).first { $0.contains("█") || $0.contains("░") })
      #expect(bar.contains(role.short))
    }
  }

  @Test func whatDrawsYouIsTheSubjectOnThePreferenceTrack() throws {
    var sheet = AnswerSheet(values: ["profile.track": .choice("preference")])
    for question in Scorer(pack: pack).questions(for: .preference) {
      sheet[question.id] = question.options.first { ($0.weights["project-manager"] ?? 0) > 0 }.map { .choice($0.id) }
    }
    let report = AssessmentReport(pack: pack, answers: sheet)
    let summary = AssessmentRenderer(pack: pack, width: 1_000).summary(report, more: nil)
    #expect(summary.hasPrefix("What draws you is project management: "))
  }

  @Test func noClearRoleSaysSoAndGivesTheEvidenceFigure() throws {
    // A pack whose "no clear role" line is above any evidence, so every answer set is unclear.
    let files = TestPacks.bundledFiles.map { file in
      var changed = file
      if file.path == "pack.yaml" {
        changed.text = file.text.replacingOccurrences(of: "below_evidence: 0.35", with: "below_evidence: 1.5")
      }
      return changed
    }
    let unclearPack = try #require(try ContentLoader.load(files).pack)
    let report = AssessmentReport(pack: unclearPack, answers: answers(for: "project-manager", pack: unclearPack))
    #expect(report.result.fit.isUnclear)
    let summary = AssessmentRenderer(pack: unclearPack, width: 1_000).summary(report, more: nil)
    #expect(summary.hasPrefix("No clear role: "))
    #expect(summary.contains("Evidence 100%: that is how much of your answers speaks for any role"))
    #expect(!summary.contains("Confidence "))
    #expect(!summary.contains("Your work is"))
  }

  @Test func aHeldCredentialIsBehindOnAnotherRolesPath() throws {
    var sheet = answers(for: "scrum-master", pack: pack, projectMonths: 0)
    sheet["profile.agile-months"] = .number(30)
    sheet["profile.certifications"] = .choices(["csm"])
    let report = AssessmentReport(pack: pack, answers: sheet)
    let plan = try #require(report.plan)
    #expect(plan.path.target == "scrum-master")
    #expect(plan.done.contains { $0.subject == .credential("csm") })
    #expect(!plan.steps.contains { $0.subject == .credential("csm") })
    // Thirty months of agile work cover the facilitation step; the PMI-ACP is what lies ahead.
    #expect(plan.steps.first?.subject == .credential("pmi-acp"))
  }
}
