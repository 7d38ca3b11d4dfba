import Foundation

/// Turns an analysis into recommendations, linter style: each with a severity, what is wrong
/// and the fix, worded from the pack's advice for the role the duties describe.
struct PostingAdvisor: Sendable {
  let pack: ContentPack
  let rules: JobDescriptionRules
  /// Each check's fix filled in for each role and other kind, once: filling is string work that
  /// would otherwise run for every posting of a batch.
  private var filledFixes: [String: [String]] = [:]
  /// The fixes for a posting whose duties settle no role (hybrid or uncertain): worded for
  /// "the role", never for a role the verdict does not claim.
  private var neutralFixes: [String] = []

  init(pack: ContentPack, rules: JobDescriptionRules) {
    self.pack = pack
    self.rules = rules
    for key in pack.roles.map(\.id) + rules.otherKinds.map(\.id) + [JobDescriptionAnalyzer.otherID] {
      filledFixes[key] = rules.checks.map { fill($0.fix, advice: rules.advice[key], key: key) }
    }
    neutralFixes = rules.checks.map { fill($0.fix, advice: nil, key: nil) }
  }

  func advise(_ analysis: PostingAnalysis, bodyWeight: Double, satisfiedChecks: Set<Int>) -> [PostingAnalysis
    .Recommendation]
  {
    let fit = analysis.fit
    let key = fit.otherKind ?? fit.role
    let advice = rules.advice[key]
    var out: [PostingAnalysis.Recommendation] = []

    if bodyWeight == 0 {
      out.append(
        .init(
          id: "no-duties", severity: "error",
          message: "No duties rolefit can classify: the posting says almost nothing about the work.",
          fix: "List what the person will do: what they plan, deliver, coordinate and report, and to whom."))
    } else if fit.isHybrid {
      let top = analysis.scores.sorted { $0.share > $1.share }.prefix(2)
      let described = top.map { "\(name($0.role)) \(TextWrap.percent($0.share))" }.joined(separator: ", ")
      out.append(
        .init(
          id: "mixed-duties", severity: "warning",
          message: "The duties mix two kinds of work almost evenly (\(described)).",
          fix:
            "Decide which role this is and say so; move the other duties to a separate role or state which dominates."))
    }

    // A verdict that settles no role names none in its advice.
    let settled = !fit.isHybrid && !fit.isUncertain
    if let implied = analysis.title.impliedRole, analysis.title.mismatch {
      let stated = analysis.title.stated ?? ""
      var message =
        "Title says '\(stated)' (\(name(implied).lowercased())), but the duties describe \(name(key).lowercased()) work"
      if let summary = pack.role(key)?.summary, !summary.isEmpty {
        message += ": \(summary.prefix(1).lowercased() + summary.dropFirst())"
      } else {
        message += "."
      }
      out.append(
        .init(
          id: "title-mismatch", severity: "warning", message: message,
          fix: "Retitle it '\(advice?.title ?? name(key))', or rewrite the duties for the role the title names."))
    } else if analysis.title.stated == nil, bodyWeight > 0, settled {
      out.append(
        .init(
          id: "no-title", severity: "info", message: "No title found in the posting.",
          fix: "For these duties: '\(advice?.title ?? name(key))'."))
    }

    if settled, bodyWeight > 0 {
      out += mismatched(kind: "metric", in: analysis, fitKey: key) { phrases, role in
        .init(
          id: "kpi-mismatch", severity: "warning",
          message:
            "The success measures named (\(phrases)) are \(name(role).lowercased()) measures, but the duties are \(name(key).lowercased()) work.",
          fix: "Measure this role by: \(advice?.kpis.joined(separator: ", ") ?? "what its duties deliver").")
      }
      out += mismatched(kind: "certification", in: analysis, fitKey: key) { phrases, role in
        .init(
          id: "certification-mismatch", severity: "warning",
          message: "Asks for \(phrases), credentials for \(name(role).lowercased()) work.",
          fix: certificationsToAsk(advice).map { "For these duties ask for \($0)." }
            ?? "Drop credentials that do not fit the duties.")
      }
    }

    let fixes: [String]? = settled ? filledFixes[key] : neutralFixes
    for (index, check) in rules.checks.enumerated() where !satisfiedChecks.contains(index) {
      if analysis.evidence.contains(where: { check.kinds.contains($0.kind) || check.entries.contains($0.entry) }) {
        continue
      }
      out.append(
        .init(
          id: check.id, severity: check.severity, message: check.message,
          fix: fixes?[index] ?? fill(check.fix, advice: settled ? advice : nil, key: settled ? key : nil)
        ))
    }
    return out.enumerated().sorted {
      (Self.rank($0.element.severity), $0.offset) < (Self.rank($1.element.severity), $1.offset)
    }.map(\.element)
  }

  /// Errors first, then warnings, then notes.
  private static func rank(_ severity: String) -> Int {
    switch severity {
    case "error": 0
    case "warning": 1
    case "info": 2
    default: 3
    }
  }

  /// Evidence of a kind that points to another pack role than the fit: one recommendation for all of it.
  private func mismatched(
    kind: String, in analysis: PostingAnalysis, fitKey: String,
    make: (String, String) -> PostingAnalysis.Recommendation
  ) -> [PostingAnalysis.Recommendation] {
    let wrong = analysis.evidence.filter { $0.kind == kind && $0.role != fitKey && pack.role($0.role) != nil }
    guard let role = wrong.first?.role else { return [] }
    var seen: Set<String> = []
    let phrases = wrong.filter { $0.role == role }.map(\.phrase).filter { seen.insert($0.lowercased()).inserted }
    return [make(phrases.prefix(4).joined(separator: ", "), role)]
  }

  private func certificationsToAsk(_ advice: JobDescriptionRules.RoleAdvice?) -> String? {
    guard let ids = advice?.certifications, !ids.isEmpty else { return nil }
    return ids.map { pack.credential($0)?.short ?? $0 }.joined(separator: ", ")
  }

  /// A check's fix worded for the role `key` (its advice), or for "the role" when `key` is nil.
  private func fill(_ template: String, advice: JobDescriptionRules.RoleAdvice?, key: String?) -> String {
    template
      .replacingOccurrences(of: "{kpis}", with: advice?.kpis.joined(separator: ", ") ?? "what the role delivers")
      .replacingOccurrences(of: "{title}", with: advice?.title ?? key.map(name) ?? "role")
      .replacingOccurrences(of: "{certifications}", with: certificationsToAsk(advice) ?? "none in particular")
  }

  func name(_ id: String) -> String {
    if let role = pack.role(id) { return role.name }
    if let kind = rules.otherKinds.first(where: { $0.id == id }) { return kind.name }
    return id == JobDescriptionAnalyzer.otherID ? "Another role" : id
  }
}
