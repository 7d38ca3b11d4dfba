import Foundation

/// Turns an analysis into recommendations, linter style: each with a severity, what is wrong
/// and the fix, worded from the pack's advice for the role the duties describe.
///
/// A class: every posting of a batch is advised by the one advisor, and a reference to it costs
/// one retain where a copy of the pack it holds cost dozens.
final class PostingAdvisor: Sendable {
  let pack: ContentPack
  let rules: JobDescriptionRules
  /// Each check's fix filled in for each role and other kind, once: filling is string work that
  /// would otherwise run for every posting of a batch.
  private let filledFixes: [String: [String]]
  /// The fixes for a posting whose duties settle no role (hybrid or uncertain): worded for
  /// "the role", never for a role the verdict does not claim.
  private let neutralFixes: [String]
  /// By lexicon entry index, the checks its evidence satisfies (by its kind or by name): each
  /// check's test of a posting's evidence is then one flag per item, not a string comparison.
  private let checksByEntry: [[Int]]
  /// The pack's role ids, and every id's name: looked up per posting, where finding a role in
  /// the pack copied it whole.
  private let packRoleIDs: Set<String>
  private let names: [String: String]
  /// By certification entry id, the credentials its phrases name.
  private let entryCredentials: [String: Set<String>]

  init(pack: ContentPack, rules: JobDescriptionRules) {
    self.pack = pack
    self.rules = rules
    packRoleIDs = Set(pack.roles.map(\.id))
    var names: [String: String] = [:]
    for kind in rules.otherKinds.reversed() { names[kind.id] = kind.name }
    for role in pack.roles.reversed() { names[role.id] = role.name }
    self.names = names
    entryCredentials = Dictionary(
      pack.lexicon.filter { !$0.credentials.isEmpty }.map { ($0.id, Set($0.credentials)) },
      uniquingKeysWith: { first, _ in first })
    checksByEntry = pack.lexicon.map { entry in
      rules.checks.indices.filter {
        rules.checks[$0].kinds.contains(entry.kind) || rules.checks[$0].entries.contains(entry.id)
      }
    }
    var filled: [String: [String]] = [:]
    for key in pack.roles.map(\.id) + rules.otherKinds.map(\.id) + [JobDescriptionAnalyzer.otherID] {
      filled[key] = rules.checks.map {
        Self.fill($0.fix, advice: rules.advice[key], key: key, pack: pack, names: names)
      }
    }
    filledFixes = filled
    neutralFixes = rules.checks.map { Self.fill($0.fix, advice: nil, key: nil, pack: pack, names: names) }
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
      let described = top.map { "\(shareName($0.role, analysis)) \(TextWrap.percent($0.share))" }
        .joined(separator: ", ")
      out.append(
        .init(
          id: "mixed-duties", severity: "warning",
          message: "The duties mix two kinds of work almost evenly (\(described)).",
          fix:
            "Decide which role this is and say so; move the other duties to a separate role or state which dominates."))
    }

    // A verdict that settles no role names none in its advice.
    let settled = !fit.isHybrid && !fit.isUncertain
    if let implied = analysis.title.impliedRole, analysis.title.mismatch, key == JobDescriptionAnalyzer.otherID {
      // Another role, but the duties do not say which: nothing to retitle it to.
      out.append(
        .init(
          id: "title-mismatch", severity: "warning",
          message:
            "Title says '\(analysis.title.stated ?? "")' (\(name(implied).lowercased())), but the duties describe other work, and do not say which role it is.",
          fix: "Rewrite the duties for the role the title names, or say which role this is and title it so."))
    } else if let implied = analysis.title.impliedRole, analysis.title.mismatch {
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
          fix: key == JobDescriptionAnalyzer.otherID
            ? "Give it the title of the role these duties describe: they read as neither project nor program management."
            : "For these duties: '\(advice?.title ?? name(key))'."))
    }

    if settled, bodyWeight > 0 {
      out += mismatched(kind: "metric", in: analysis, fitKey: key) { phrases, role in
        .init(
          id: "kpi-mismatch", severity: "warning",
          message:
            "The success measures named (\(phrases)) are \(name(role).lowercased()) measures, but the duties are \(name(key).lowercased()) work.",
          fix: "Measure this role by: \(advice?.kpis.joined(separator: ", ") ?? "what its duties deliver").")
      }
      // A credential the duties call for is no mismatch, whichever role it also serves (the PMP
      // for a portfolio office).
      let askFor = Set(advice?.certifications ?? [])
      let fitting = { (item: PostingAnalysis.Evidence) in
        !(self.entryCredentials[item.entry] ?? []).isDisjoint(with: askFor)
      }
      out += mismatched(kind: "certification", in: analysis, fitKey: key, except: fitting) { phrases, role in
        .init(
          id: "certification-mismatch", severity: "warning",
          message: "Asks for \(phrases), credentials for \(name(role).lowercased()) work.",
          fix: certificationsToAsk(advice).map { "For these duties ask for \($0)." }
            ?? "Drop credentials that do not fit the duties.")
      }
    }

    let fixes: [String]? = settled ? filledFixes[key] : neutralFixes
    var satisfied = [Bool](repeating: false, count: rules.checks.count)
    for index in satisfiedChecks where satisfied.indices.contains(index) { satisfied[index] = true }
    for item in analysis.evidence {
      if checksByEntry.indices.contains(item.entryIndex) {
        for index in checksByEntry[item.entryIndex] { satisfied[index] = true }
      } else {
        // Evidence made outside the lexicon's order: its kind and entry say which checks it meets.
        for index in rules.checks.indices where !satisfied[index] {
          satisfied[index] =
            rules.checks[index].kinds.contains(item.kind) || rules.checks[index].entries.contains(item.entry)
        }
      }
    }
    for index in rules.checks.indices where !satisfied[index] {
      let check = rules.checks[index]
      out.append(
        .init(
          id: check.id, severity: check.severity, message: check.message,
          fix: fixes?[index] ?? fill(check.fix, advice: settled ? advice : nil, key: settled ? key : nil)
        ))
    }
    // Errors first, then warnings, then notes, each in the order made.
    var ranked: [[PostingAnalysis.Recommendation]] = Array(repeating: [], count: 4)
    for item in out { ranked[Self.rank(item.severity)].append(item) }
    return ranked.flatMap { $0 }
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

  /// Evidence of a kind that points to another pack role than the fit, but for what `fitting`
  /// accepts: one recommendation for all of it.
  private func mismatched(
    kind: String, in analysis: PostingAnalysis, fitKey: String,
    except fitting: (PostingAnalysis.Evidence) -> Bool = { _ in false },
    make: (String, String) -> PostingAnalysis.Recommendation
  ) -> [PostingAnalysis.Recommendation] {
    // The role of the first such item, then its phrases: no item is copied that is not one.
    guard
      let role = analysis.evidence.first(where: {
        $0.kind == kind && $0.role != fitKey && packRoleIDs.contains($0.role) && !fitting($0)
      })?
      .role
    else { return [] }
    var seen: Set<String> = []
    var phrases: [String] = []
    for item in analysis.evidence where item.kind == kind && item.role == role && !fitting(item) {
      if seen.insert(item.phrase.lowercased()).inserted { phrases.append(item.phrase) }
    }
    return [make(phrases.prefix(4).joined(separator: ", "), role)]
  }

  private func certificationsToAsk(_ advice: JobDescriptionRules.RoleAdvice?) -> String? {
    Self.certificationsToAsk(advice, pack: pack)
  }

  private static func certificationsToAsk(_ advice: JobDescriptionRules.RoleAdvice?, pack: ContentPack) -> String? {
    guard let ids = advice?.certifications, !ids.isEmpty else { return nil }
    return ids.map { pack.credential($0)?.short ?? $0 }.joined(separator: ", ")
  }

  /// A check's fix worded for the role `key` (its advice), or for "the role" when `key` is nil.
  private func fill(_ template: String, advice: JobDescriptionRules.RoleAdvice?, key: String?) -> String {
    Self.fill(template, advice: advice, key: key, pack: pack, names: names)
  }

  private static func fill(
    _ template: String, advice: JobDescriptionRules.RoleAdvice?, key: String?, pack: ContentPack,
    names: [String: String]
  ) -> String {
    template
      .replacingOccurrences(of: "{kpis}", with: advice?.kpis.joined(separator: ", ") ?? "what the role delivers")
      .replacingOccurrences(
        of: "{title}",
        with: advice?.title ?? key.flatMap { $0 == JobDescriptionAnalyzer.otherID ? nil : name($0, names: names) }
          ?? "role"
      )
      .replacingOccurrences(
        of: "{certifications}", with: certificationsToAsk(advice, pack: pack) ?? "none in particular")
  }

  func name(_ id: String) -> String { Self.name(id, names: names) }

  /// A share's name: the role's, or for `other` the kind its evidence gathers on, when there is one
  /// ("Another role (Scrum master or agile coach)").
  private func shareName(_ id: String, _ analysis: PostingAnalysis) -> String {
    guard id == JobDescriptionAnalyzer.otherID, let kind = analysis.namedOtherKind else {
      return name(id)
    }
    return "\(name(id)) (\(name(kind)))"
  }

  private static func name(_ id: String, names: [String: String]) -> String {
    names[id] ?? (id == JobDescriptionAnalyzer.otherID ? "Another role" : id)
  }
}
