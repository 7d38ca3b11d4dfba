import RolefitCore
import Testing

/// What a user reads of a result: a first screen, and no internal ids anywhere.
@Suite struct AssessmentRendererTests {
  let pack: ContentPack

  init() throws { pack = try TestPacks.bundled }

  /// Every scored question answered with its first, then its last option, plus a profile.
  func sheets() -> [AnswerSheet] {
    [0, 1, 2].map { pick in
      var sheet = AnswerSheet()
      for (index, question) in pack.questions.enumerated() {
        switch question.kind {
        case .number: sheet[question.id] = .number(Double((index + pick) % 4))
        case .multi: sheet[question.id] = .choices([question.options[(index + pick) % question.options.count].id])
        default:
          let options = question.options
          sheet[question.id] = .choice(
            options[pick == 2 ? (index % options.count) : pick == 0 ? 0 : options.count - 1].id)
        }
      }
      return sheet
    }
  }

  @Test func noInternalIdAppearsInTheTextOrMarkdown() {
    let ids =
      pack.questions.map(\.id) + pack.claims.map(\.id) + pack.sources.map(\.id) + pack.paths.map(\.id)
    for sheet in sheets() {
      let report = AssessmentReport(pack: pack, answers: sheet)
      let renderer = AssessmentRenderer(pack: pack, width: 80)
      for format in [OutputFormat.text, .markdown] {
        let text = renderer.render(report, as: format)
        for id in ids {
          #expect(!text.contains(id), "\(format) shows the id '\(id)'")
        }
      }
    }
  }

  @Test func theFirstScreenSaysTheVerdictInASentenceAndFitsOneScreen() {
    for sheet in sheets() {
      let report = AssessmentReport(pack: pack, answers: sheet)
      let summary = AssessmentRenderer(pack: pack, width: 80).summary(report, more: "Type details for the rest.")
      // Response-quality problems are said before the verdict (issue 10), so the verdict is the
      // first line after them; on the preference track it says what draws the person.
      let lines = summary.split(separator: "\n").map(String.init)
      let first = lines.first { !$0.hasPrefix("!") && !$0.hasPrefix(" ") } ?? ""
      #expect(first.hasPrefix(report.result.track == .preference ? "What draws you " : "Your work "))
      if !report.result.warnings.isEmpty { #expect(lines.first?.hasPrefix("! ") == true) }
      #expect(summary.split(separator: "\n", omittingEmptySubsequences: false).count <= 24)
      #expect(summary.contains("Next: "))
      #expect(summary.contains("Why: you said"))
    }
  }

  @Test func theShareChartNamesEachSideWithoutColour() {
    let report = AssessmentReport(pack: pack, answers: sheets()[0])
    let summary = AssessmentRenderer(pack: pack, width: 80).summary(report, more: nil)
    let chart = summary.split(separator: "\n").first { $0.contains("█") || $0.contains("░") }
    let line = String(chart ?? "")
    let project = pack.role("project-manager")?.short ?? ""
    let program = pack.role("program-manager")?.short ?? ""
    #expect(line.contains(project) && line.contains(program))
    #expect(line.contains("%"))
  }

  @Test func whatWouldChangeItUsesTheQuestionAndTheOptionsWords() throws {
    for sheet in sheets() {
      let report = AssessmentReport(pack: pack, answers: sheet)
      let text = AssessmentRenderer(pack: pack, width: 100_000).details(report)
      for edge in report.result.edges {
        for change in edge.changes.prefix(AssessmentRendererLimits.shown) {
          #expect(text.contains(change.questionText))
          #expect(text.contains("“\(change.toText)”"))
        }
      }
    }
  }
}

/// How many changes the text shows per edge.
enum AssessmentRendererLimits {
  static let shown = 4
}
