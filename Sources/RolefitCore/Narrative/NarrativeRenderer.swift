import Foundation

/// Renders a reading of experience summaries as text (sentences highlighted), Markdown or JSON.
public struct NarrativeRenderer: Sendable {
  public let pack: ContentPack
  public var width: Int
  public var styler: any TextStyler

  public init(pack: ContentPack, width: Int = 80, styler: any TextStyler = PlainStyler()) {
    self.pack = pack
    self.width = max(40, width)
    self.styler = styler
  }

  /// The report in a format.
  public func render(_ report: NarrativeReport, as format: OutputFormat) -> String {
    switch format {
    case .text: return text(report)
    case .markdown: return markdown(report)
    case .json: return json(report)
    case .html:
      return HTMLPage.preformatted(title: "rolefit: PgMP experience summaries", text: text(report), pack: pack)
    }
  }

  // MARK: Text

  /// The pack's colour for the role whose experience is of a side, for highlights.
  private func color(_ side: NarrativeRules.Side) -> String? {
    let kind: ExperienceKind = side == .program ? .program : .project
    return pack.roles.first { $0.experience == kind }?.color
  }

  private func label(_ readsAs: NarrativeReport.ReadsAs) -> String {
    switch readsAs {
    case .program: return styler.colored("program", as: color(.program))
    case .project: return styler.colored("project", as: color(.project))
    case .mixed: return "mixed"
    case .neutral: return styler.dim("neutral")
    }
  }

  /// A sentence wrapped, with its reading in brackets; a sentence that reads as program or project
  /// work is shown in that role's colour, line by line, so wrapping never splits a colour code.
  private func highlighted(_ sentence: NarrativeReport.Sentence) -> String {
    let tag = "[\(sentence.readsAs.rawValue)] "
    let wrapped = TextWrap.wrap(tag + sentence.text, width: width, indent: "      ", firstIndent: "    ")
    let side: NarrativeRules.Side? =
      switch sentence.readsAs {
      case .program: .program
      case .project: .project
      case .mixed, .neutral: nil
      }
    return wrapped.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
      let indent = String(line.prefix { $0 == " " })
      var body = String(line.dropFirst(indent.count))
      if index == 0 { body = String(body.dropFirst(tag.count)) }
      let shown = side.map { styler.colored(body, as: color($0)) } ?? body
      return indent + (index == 0 ? "[" + label(sentence.readsAs) + "] " : "") + shown
    }.joined(separator: "\n")
  }

  private func readingLine(_ summary: NarrativeReport.Summary) -> String {
    let reading: String
    switch summary.reading {
    case .program: reading = styler.colored(styler.bold("reads as program work"), as: color(.program))
    case .project: reading = styler.colored(styler.bold("reads as project work"), as: color(.project))
    case .unclear: reading = styler.bold("not enough of either")
    }
    return reading + " (confidence \(TextWrap.percent(summary.confidence)))"
  }

  public func text(_ report: NarrativeReport) -> String {
    var out: [String] = []
    for summary in report.summaries {
      let name = summary.name.map { ": \($0)" } ?? ""
      out.append(styler.bold("Summary \(summary.index)\(name)") + " · " + readingLine(summary))
      out.append(TextWrap.wrap(summary.why, width: width, indent: "  ", firstIndent: "  "))
      if let engineNote = engineNote(summary) {
        out.append(styler.dim(TextWrap.wrap(engineNote, width: width, indent: "  ", firstIndent: "  ")))
      }
      out.append("")
      out.append(styler.bold("  Sentence by sentence"))
      for sentence in summary.sentences {
        out.append(highlighted(sentence))
        let counted = sentence.marks.map { "\"\($0.phrase)\" (\($0.side.rawValue))" }
        if !counted.isEmpty {
          out.append(
            styler.dim(
              TextWrap.wrap(
                "counted: " + counted.joined(separator: ", "), width: width, indent: "        ", firstIndent: "      "))
          )
        }
        for mark in sentence.marks
        where mark.side == .project && rules?.patterns.contains(where: { $0.id == mark.rule }) == true {
          out.append(
            styler.dim(TextWrap.wrap("why: " + mark.reason, width: width, indent: "        ", firstIndent: "      ")))
        }
        for question in sentence.questions {
          out.append(TextWrap.wrap("? " + question, width: width, indent: "        ", firstIndent: "      "))
        }
      }
      out.append("")
      out.append(styler.bold("  PgMP domains") + styler.dim(" (names and weights below)"))
      for domain in summary.domains {
        let mark = domain.covered ? "shown" : styler.warning("thin")
        let count = domain.covered ? " (\(TextWrap.count(domain.sentences, "sentence")))" : ""
        out.append("    \(domain.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(mark)\(count)")
      }
      let thin = summary.domains.filter { !$0.covered }
      if !thin.isEmpty {
        out.append("")
        out.append(styler.bold("  What to add"))
        for domain in thin {
          out.append(
            TextWrap.wrap("? \(domain.name): \(domain.question)", width: width, indent: "      ", firstIndent: "    "))
        }
      }
      for warning in summary.warnings { out.append(styler.warning("  ! \(warning)")) }
      out.append("")
    }
    out.append(contentsOf: outlineLines())
    if let eligibility = report.eligibility {
      out.append("")
      out.append(TextWrap.wrap(eligibilityLine(eligibility), width: width, indent: "  "))
    }
    out.append("")
    out.append(
      styler.dim(
        TextWrap.wrap(
          "This reads your own text to help you write it; it does not predict what PMI's panel will decide.",
          width: width)))
    return out.joined(separator: "\n") + "\n"
  }

  private var rules: NarrativeRules? { pack.narrative }

  /// A note when the engine alone leans elsewhere than the reading.
  private func engineNote(_ summary: NarrativeReport.Summary) -> String? {
    let engineSide = pack.role(summary.engine.role)?.experience
    let agrees =
      (summary.reading == .program && engineSide == .program) || (summary.reading == .project && engineSide == .project)
    guard !agrees, summary.reading != .unclear || !summary.engine.isHybrid else { return nil }
    let name = pack.role(summary.engine.role)?.name ?? summary.engine.role
    let lean =
      summary.engine.isHybrid
      ? "does not settle it" : "leans \(name.lowercased()) (\(TextWrap.percent(summary.engine.confidence)))"
    return "The job-description engine alone, reading the whole summary, \(lean)."
  }

  private func eligibilityLine(_ eligibility: Eligibility) -> String {
    let short = pack.credential(eligibility.credential)?.short ?? eligibility.credential
    return "\(short) eligibility: \(eligibility.detail)"
  }

  private func outlineLines() -> [String] {
    guard let rules else { return [] }
    var out = [styler.bold("PgMP exam domains, as the sources give them")]
    for version in rules.outline {
      let body = outlineDomains(version, rules)
      let stop = body.hasSuffix(".") ? "" : "."
      out.append(TextWrap.wrap("\(version.title): \(body)\(stop)", width: width, indent: "    ", firstIndent: "  "))
      out.append(styler.dim("    Source: \(version.source), as of \(version.asOf)"))
    }
    out.append(styler.dim(TextWrap.wrap(rules.outlineNote, width: width, indent: "  ", firstIndent: "  ")))
    return out
  }

  /// A version's domains with their names and weights as it gives them, or its note when it gives none.
  private func outlineDomains(_ version: NarrativeRules.OutlineVersion, _ rules: NarrativeRules) -> String {
    let domains = rules.domains.compactMap { domain -> String? in
      version.weights[domain.id].map { "\(version.names[domain.id] ?? domain.name) \(Int($0))%" }
    }
    return domains.isEmpty ? (version.note ?? "no weights stated") : domains.joined(separator: ", ")
  }

  // MARK: Markdown

  public func markdown(_ report: NarrativeReport) -> String {
    var out: [String] = ["# Experience summaries: program or project?", ""]
    for summary in report.summaries {
      out.append("## Summary \(summary.index)" + (summary.name.map { ": \($0)" } ?? ""))
      out.append("")
      let reading =
        summary.reading == .unclear ? "not enough of either" : "reads as \(summary.reading.rawValue) work"
      out.append("**\(reading)** (confidence \(TextWrap.percent(summary.confidence))). \(summary.why)")
      out.append("")
      out.append("| reads as | sentence | questions |")
      out.append("| --- | --- | --- |")
      for sentence in summary.sentences {
        let text = escape(sentence.text)
        let shown = sentence.readsAs == .project ? "**\(text)**" : text
        out.append(
          "| \(sentence.readsAs.rawValue) | \(shown) | \(sentence.questions.map(escape).joined(separator: "<br>")) |")
      }
      out.append("")
      out.append("| PgMP domain | shown |")
      out.append("| --- | --- |")
      for domain in summary.domains {
        out.append(
          "| \(domain.name) | \(domain.covered ? "yes (\(domain.sentences))" : "thin: \(escape(domain.question))") |")
      }
      out.append("")
    }
    if let rules {
      out.append("## PgMP exam domains, as the sources give them")
      out.append("")
      for version in rules.outline {
        out.append(
          "- \(version.title): \(outlineDomains(version, rules)) (source: \(version.source), as of \(version.asOf))")
      }
      out.append("")
      out.append(rules.outlineNote)
      out.append("")
    }
    if let eligibility = report.eligibility {
      out.append(eligibilityLine(eligibility))
      out.append("")
    }
    out.append("_This reads your own text to help you write it; it does not predict what PMI's panel will decide._")
    return out.joined(separator: "\n") + "\n"
  }

  private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  // MARK: JSON

  struct ReportJSON: Encodable {
    struct Mark: Encodable {
      var phrase: String
      var start: Int
      var end: Int
      var side: String
      var weight: Double
      var rule: String
      var reason: String
      var claim: String?
    }
    struct Sentence: Encodable {
      var text: String
      var start: Int
      var end: Int
      var readsAs: String
      var marks: [Mark]
      var domains: [String]
      var questions: [String]
    }
    struct Domain: Encodable {
      var id: String
      var name: String
      var covered: Bool
      var sentences: Int
      var question: String?
    }
    struct Engine: Encodable {
      var role: String
      var confidence: Double
      var uncertain: Bool
      var hybrid: Bool
    }
    struct Summary: Encodable {
      var index: Int
      var name: String?
      var start: Int
      var end: Int
      var reading: String
      var confidence: Double
      var engine: Engine
      var why: String
      var sentences: [Sentence]
      var domains: [Domain]
      var warnings: [String]
    }
    struct Outline: Encodable {
      var id: String
      var title: String
      var source: String
      var asOf: String
      var names: [String: String]
      var weights: [String: Double]
      var note: String?
    }
    struct EligibilityJSON: Encodable {
      var credential: String
      var status: String
      var months: Int?
      var route: String?
      var missing: [String]
      var detail: String
    }
    var id: String
    var summaries: [Summary]
    var outline: [Outline]
    var outlineNote: String
    var eligibility: EligibilityJSON?
    var limit: String
  }

  public func json(_ report: NarrativeReport) -> String {
    JSONOutput.encode(
      ReportJSON(
        id: report.id,
        summaries: report.summaries.map { summary in
          ReportJSON.Summary(
            index: summary.index, name: summary.name, start: summary.start, end: summary.end,
            reading: summary.reading.rawValue, confidence: JSONOutput.round(summary.confidence),
            engine: .init(
              role: summary.engine.role, confidence: JSONOutput.round(summary.engine.confidence),
              uncertain: summary.engine.isUncertain, hybrid: summary.engine.isHybrid),
            why: summary.why,
            sentences: summary.sentences.map { sentence in
              ReportJSON.Sentence(
                text: sentence.text, start: sentence.start, end: sentence.end, readsAs: sentence.readsAs.rawValue,
                marks: sentence.marks.map {
                  .init(
                    phrase: $0.phrase, start: $0.start, end: $0.end, side: $0.side.rawValue,
                    weight: JSONOutput.round($0.weight), rule: $0.rule, reason: $0.reason, claim: $0.claim)
                }, domains: sentence.domains, questions: sentence.questions)
            },
            domains: summary.domains.map {
              .init(
                id: $0.id, name: $0.name, covered: $0.covered, sentences: $0.sentences,
                question: $0.covered ? nil : $0.question)
            }, warnings: summary.warnings)
        },
        outline: report.outline.map {
          .init(
            id: $0.id, title: $0.title, source: $0.source, asOf: $0.asOf, names: $0.names, weights: $0.weights,
            note: $0.note)
        },
        outlineNote: report.outlineNote,
        eligibility: report.eligibility.map {
          .init(
            credential: $0.credential, status: $0.status.rawValue, months: $0.months, route: $0.route,
            missing: $0.missing, detail: $0.detail)
        },
        limit: "It helps a candidate write; it does not predict the panel."))
  }
}
