import Foundation
import Testing

/// `rolefit jd` as hiring teams and their scripts use it.
@Suite(.serialized) struct JobDescriptionEndToEndTests {
  let posting = """
    Senior Program Manager

    About us
    We are a fintech with a graduate programme and a portfolio of programmes.

    The role
    - Manage the project schedule, scope and budget from kickoff to go-live.
    - Keep the project plan and the RAID log, and manage change requests.
    - Run sprint planning and keep the backlog groomed with the team.
    - Send weekly status reports; you will have no budget ownership.

    We are an equal opportunity employer.
    """

  @Test func aFileGetsTheFitEvidenceTitleCheckAndRecommendations() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("posting.txt")
    try posting.write(to: file, atomically: true, encoding: .utf8)
    let text = try RolefitBinary.run(["jd", file.path])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("project manager, "))
    #expect(text.stdout.contains("Title: \"Senior Program Manager\" → program manager (does not match the duties)"))
    #expect(text.stdout.contains("[go-live]{project}"), "plain markers when not a terminal")
    #expect(text.stdout.contains("warning: Title says 'Senior Program Manager'"))

    let json = try RolefitBinary.run(["jd", file.path, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let title = try #require(object["title"] as? [String: Any])
    #expect(title["mismatch"] as? Bool == true)
    #expect(title["impliedRole"] as? String == "program-manager")
    let fit = try #require(object["fit"] as? [String: Any])
    #expect(fit["role"] as? String == "project-manager")
    let evidence = try #require(object["evidence"] as? [[String: Any]])
    let scalars = Array(posting.unicodeScalars)
    for item in evidence {
      let start = try #require(item["start"] as? Int)
      let end = try #require(item["end"] as? Int)
      #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item["phrase"] as? String)
      #expect(item["reason"] is String && item["role"] is String && item["weight"] is Double)
    }
  }

  @Test func jsonlBatchKeepsIDsSkipsBadLinesAndExitsNonZeroAtTheEnd() throws {
    let lines = [
      #"{"id": "a1", "title": "Program Manager", "text": "Own the program roadmap across multiple projects and their interdependencies."}"#,
      #"{"id": "a2", "text": "   "}"#,
      "this is not json",
      "",
      #"{"id": "a3", "text": "Manage the project schedule and the backlog to go-live."}"#,
    ]
    let outcome = try RolefitBinary.run(
      ["jd", "--jsonl", "-", "--format", "json"], input: lines.joined(separator: "\n") + "\n")
    #expect(outcome.status == 65)
    let results = outcome.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(results.map { $0["id"] as? String } == ["a1", "a3"])
    #expect(outcome.stderr.contains("<stdin>:2: no job-description text in a2"))
    #expect(outcome.stderr.contains("<stdin>:3: not a JSON object; line skipped"))
    #expect(outcome.stderr.contains("2 postings analysed, 2 skipped"))
    #expect(outcome.stderr.contains("title does not match the duties"))
    // With nothing analysed, the summary counts no verdicts.
    let none = try RolefitBinary.run(["jd", "--jsonl", "-"], input: lines[1...2].joined(separator: "\n") + "\n")
    #expect(none.status == 65)
    #expect(none.stderr.contains("0 postings analysed, 2 skipped"), "\(none.stderr)")
    #expect(!none.stderr.contains("title does not match"), "\(none.stderr)")
  }

  @Test func anEmptyJSONLinesInputIsAnErrorNotSilence() throws {
    let blank = try RolefitBinary.run(["jd", "--jsonl", "-"], input: "\n  \n")
    #expect(blank.status == 65)
    #expect(blank.stdout.isEmpty)
    #expect(blank.stderr.hasPrefix("rolefit: <stdin>: no postings in it"))
  }

  @Test func csvGivesOneRowPerPostingAndFoldersAreRead() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    try posting.write(to: folder.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
    try "Own the program roadmap across multiple projects.".write(
      to: folder.appendingPathComponent("two.md"), atomically: true, encoding: .utf8)
    try "ignored".write(to: folder.appendingPathComponent("three.pdf"), atomically: true, encoding: .utf8)
    let outcome = try RolefitBinary.run(["jd", folder.path, "--format", "csv"])
    #expect(outcome.status == 0)
    let rows = outcome.stdout.split(separator: "\n")
    #expect(rows.count == 3)
    #expect(rows[0].hasPrefix("id,title,title_role,role,"))
  }

  @Test func badInputIsNamedAndNeverCrashes() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let latin1 = folder.appendingPathComponent("latin1.txt")
    try Data(
      [0x50, 0x72, 0x6F, 0x67, 0x72, 0x61, 0x6D, 0x6D, 0xE9, 0x20] + Array("roadmap across multiple projects".utf8)
    ).write(to: latin1)
    let decoded = try RolefitBinary.run(["jd", latin1.path])
    #expect(decoded.status == 0)
    #expect(decoded.stderr.contains("not UTF-8"))

    let big = folder.appendingPathComponent("big.txt")
    try String(repeating: "project schedule ", count: 5000).write(to: big, atomically: true, encoding: .utf8)
    let refused = try RolefitBinary.run(["jd", big.path, "--max-size", "64"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("over the 64 KiB limit for one posting (raise it with --max-size)"))
    let raised = try RolefitBinary.run(["jd", big.path, "--max-size", "128", "--format", "csv"])
    #expect(raised.status == 0)
    #expect(raised.stdout.contains(",project-manager,"))
    for limit in ["0", "65537"] {
      let beyond = try RolefitBinary.run(["jd", big.path, "--max-size", limit])
      #expect(beyond.status == 64)
      #expect(beyond.stderr.hasPrefix("Error: --max-size must be between 1 and 65536 (KiB).\n"))
    }

    let empty = folder.appendingPathComponent("empty.txt")
    try "\n  \n".write(to: empty, atomically: true, encoding: .utf8)
    let none = try RolefitBinary.run(["jd", empty.path])
    #expect(none.status == 65)
    #expect(none.stderr == "rolefit: no job-description text in \(empty.path)\n")

    let usage = try RolefitBinary.run(["jd"])
    #expect(usage.status == 64)

    let missing = try RolefitBinary.run(["jd", folder.appendingPathComponent("nowhere.txt").path])
    #expect(missing.status == 66)
    #expect(missing.stderr.hasSuffix("nowhere.txt: no such file\n"))
  }

  @Test func evaluateReportsAccuracyAndTheConfusionMatrix() throws {
    let labelled = RolefitBinary.repository.appendingPathComponent("eval/postings.jsonl").path
    let outcome = try RolefitBinary.run(["jd", "--evaluate", labelled, "--min-accuracy", "0.9"])
    #expect(outcome.status == 0, "\(outcome.stdout)")
    #expect(outcome.stdout.hasPrefix("accuracy "))
    #expect(outcome.stdout.contains("confusion (rows: actual, columns: predicted)"))
  }

  /// Labels may name a role by its first word (`project`, `program`), as labelled files from
  /// elsewhere do: they count as the role, not as a label the engine never gives.
  @Test func evaluateReadsALabelByItsFirstWord() throws {
    let labelled = RolefitBinary.repository.appendingPathComponent("eval/postings.jsonl")
    let full = try RolefitBinary.run(["jd", "--evaluate", labelled.path])
    let short = try String(contentsOf: labelled, encoding: .utf8)
      .replacingOccurrences(of: #""label": "project-manager""#, with: #""label": "project""#)
      .replacingOccurrences(of: #""label": "program-manager""#, with: #""label": "program""#)
    #expect(short.contains(#""label": "project""#) && short.contains(#""label": "program""#))
    let outcome = try RolefitBinary.run(["jd", "--evaluate", "-", "--min-accuracy", "0.9"], input: short)
    #expect(outcome.status == 0, "\(outcome.stdout)")
    #expect(outcome.stdout.split(separator: "\n").first == full.stdout.split(separator: "\n").first)
  }

  /// A label that names no class, or a file with no labels, is refused, naming what is wrong.
  ///
  /// The first is most often a typo, not a miss; the second has nothing to measure.
  @Test func evaluateRefusesALabelItCannotReadAndAFileWithNoLabels() throws {
    let typo = try RolefitBinary.run(
      ["jd", "--evaluate", "-"], input: #"{"id": "p1", "text": "Own the project schedule.", "label": "manager"}"# + "\n"
    )
    #expect(typo.status == 65)
    #expect(
      typo.stderr.contains("p1 has the label 'manager', which is none of project-manager, program-manager, other"))
    #expect(typo.stdout.isEmpty)
    let unlabelled = try RolefitBinary.run(
      ["jd", "--evaluate", "-"], input: #"{"text": "Own the project schedule."}"# + "\n")
    #expect(unlabelled.status == 65)
    #expect(unlabelled.stderr.contains("<stdin>: no labelled postings in it"))
  }

  @Test func fittingReadsLabelledPostingsFromStandardInputOnce() throws {
    let labelled = RolefitBinary.repository.appendingPathComponent("eval/postings.jsonl")
    let out = try RolefitBinary.temporaryDirectory().appendingPathComponent("jd-model.yaml")
    let outcome = try RolefitBinary.run(
      // Two folds and a fixed title regularisation keep the debug build's fit short.
      [
        "jd", "--fit", "-", "--out", out.path, "--folds", "2", "--title-regularization", "0.1",
        "--low-confidence-weight", "0.4",
      ],
      input: try String(contentsOf: labelled, encoding: .utf8))
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("Cross-validated on 78 postings"))
    let yaml = try String(contentsOf: out, encoding: .utf8)
    #expect(yaml.contains("postings: 78"))
    #expect(yaml.contains("title_regularization: 0.1"))
    #expect(yaml.contains("low_confidence_weight: 0.4") && yaml.contains("prior_scale: 0.3"))
  }

  @Test func pastingIntoTheSessionAnalysesAndExplains() throws {
    // A program manager's duties that touch account, operations and engineering work once each.
    let scattered =
      "Lead the payments modernization program across its workstreams, own the client relationship with the bank, "
      + "keep BAU change running and review the microservices design."
    let input =
      "jd\n" + posting + "\n.\njd explain sprint\njd explain budget ownership\n"
      + "jd\n" + scattered + "\n.\njd explain BAU\njd explain zebra\njd\nHello there.\n.\njd explain zebra\n"
    let outcome = try RolefitBinary.run([], input: input)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("pasted posting: project manager"))
    #expect(outcome.stdout.contains("\"sprint planning\""))
    #expect(outcome.stdout.contains("not counted, because a negation comes just before it"))
    #expect(outcome.stdout.contains("\"BAU\": not counted, because it points only to a kind of role other than"))
    #expect(outcome.stdout.contains("No phrase matching 'zebra'. Counted: "))
    #expect(outcome.stdout.contains("No phrase matching 'zebra'. No phrase counted in this posting."))
  }

  @Test func clarifyWritesAPostingOutline() throws {
    let outcome = try RolefitBinary.run([], input: "clarify\n" + String(repeating: "b\n", count: 7))
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("# Program Manager"))
    #expect(outcome.stdout.contains("## How success is measured"))
    #expect(outcome.stdout.contains("## Certifications to prefer"))
  }

  @Test func aBracketedPasteEndsAtItsOwnDotLine() throws {
    // A terminal that pastes in brackets hands readline the whole paste, newlines and its final
    // "." line included, as one buffer.
    let terminal = try PseudoTerminal(environment: RolefitBinary.environment(["TERM": "xterm-256color"]))
    #expect(terminal.waitFor("rolefit> "))
    terminal.type("jd\r")
    #expect(terminal.waitFor("a line with a single ."))
    let paste = (posting + "\n.\n").replacingOccurrences(of: "\n", with: "\r")
    terminal.type("\u{1B}[200~" + paste + "\u{1B}[201~\r")
    #expect(terminal.waitFor("pasted posting: project manager"))
    #expect(terminal.waitFor("rolefit> ", after: terminal.screen.utf8.count - 20))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func clarifySavesTheOutlineItShows() throws {
    let folder = try RolefitBinary.temporaryDirectory()
    let file = folder.appendingPathComponent("outline.md")
    let outcome = try RolefitBinary.run(
      [], input: "clarify\n" + String(repeating: "b\n", count: 7) + "clarify save \(file.path)\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("Saved the outline to \(file.path)."))
    let saved = try String(contentsOf: file, encoding: .utf8)
    #expect(saved.contains("# Program Manager"))
    // What was saved is what was shown: every line of it stands on the screen.
    for line in saved.split(separator: "\n") where !line.isEmpty {
      #expect(outcome.stdout.contains(line), "saved but not shown: \(line)")
    }
  }
}
