/// Drafts a posting from `clarify` answers, classifies it with the job-description engine, and
/// writes an outline a hiring team can publish: title, summary, duties, measures, credentials,
/// and what to leave out.
public struct PostingOutliner: Sendable {
  public let pack: ContentPack
  let analyzer: JobDescriptionAnalyzer

  public init(pack: ContentPack) throws {
    self.pack = pack
    self.analyzer = try JobDescriptionAnalyzer(pack: pack)
  }

  /// The drafted duties (one sentence per answered question) and their analysis.
  public func draft(answers: [String: String]) throws -> (duties: [String], analysis: PostingAnalysis) {
    let duties = pack.clarify.compactMap { question in
      answers[question.id].flatMap { id in question.options.first { $0.id == id }?.duty }
    }
    let text = "Responsibilities\n" + duties.map { "- \($0)" }.joined(separator: "\n")
    return (duties, try analyzer.analyze(Posting(id: "clarify", text: text)))
  }

  /// The outline in Markdown.
  public func outline(duties: [String], analysis: PostingAnalysis) -> String {
    let rules = pack.jobDescription
    let key = analysis.fit.otherKind ?? analysis.fit.role
    let advice = rules?.advice[key]
    let roleName = pack.role(key)?.name ?? rules?.otherKinds.first { $0.id == key }?.name ?? key
    // Another role, but no one kind of it: nothing to title it for yet.
    let unnamed = !analysis.fit.isHybrid && key == JobDescriptionAnalyzer.otherID
    let title =
      analysis.fit.isHybrid
      ? "(decide first: the duties mix two roles)"
      : unnamed ? "(decide first: the duties describe neither role)" : advice?.title ?? roleName
    var out = ["# \(title)", ""]
    out.append("## Summary")
    out.append("")
    var summary = "This is a \(roleName.lowercased()) role"
    if unnamed {
      summary = "The answers describe neither project nor program management; say which role this is before posting."
    } else if let role = pack.role(key) {
      summary += ": \(role.summary.prefix(1).lowercased() + role.summary.dropFirst())"
    } else {
      summary += "."
    }
    if analysis.fit.isHybrid {
      summary +=
        " The answers describe both project and program work about evenly; split the role or choose one before posting."
    }
    out.append(summary)
    out += ["", "## Responsibilities", ""]
    out += duties.map { "- \($0)" }
    if let kpis = advice?.kpis, !kpis.isEmpty {
      out += ["", "## How success is measured", ""]
      out += kpis.map { "- \($0.prefix(1).uppercased() + $0.dropFirst())" }
    }
    let credentials = (advice?.certifications ?? []).compactMap { pack.credential($0) }
    if !credentials.isEmpty {
      out += ["", "## Certifications to prefer", ""]
      out += credentials.map { "- \($0.short) (\($0.name), \($0.body))" }
    }
    let strays = analysis.evidence.filter { $0.role != key && pack.role($0.role) != nil }
    out += ["", "## Leave out", ""]
    if strays.isEmpty || analysis.fit.isHybrid {
      out.append("- A title that names another role: it attracts the wrong candidates.")
    }
    if !analysis.fit.isHybrid {
      for stray in strays {
        out.append(
          "- \"\(stray.phrase)\": it describes \(pack.role(stray.role)?.name.lowercased() ?? stray.role) work, not this role's."
        )
      }
    }
    out.append("- Anything about the person rather than the role: rolefit classifies jobs, never candidates.")
    return out.joined(separator: "\n") + "\n"
  }
}
