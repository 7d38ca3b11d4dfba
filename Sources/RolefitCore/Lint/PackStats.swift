import Foundation

/// Counts of what a pack holds, for `rolefit content stats`.
public struct PackStats: Sendable {
  public let pack: ContentPack

  public init(pack: ContentPack) { self.pack = pack }

  /// The counts as rows of (label, value).
  public func rows() -> [(String, String)] {
    var rows: [(String, String)] = [
      ("pack", "\(pack.id) \(pack.version) (as of \(pack.asOf))"),
      ("roles", "\(pack.roles.count): " + pack.roles.map(\.id).joined(separator: ", ")),
      ("other roles", "\(pack.otherRoles.count): " + pack.otherRoles.map(\.id).joined(separator: ", ")),
      ("areas", "\(pack.areas.count)"),
      ("questions", "\(pack.questions.count) (\(pack.scoredQuestions.count) scored)"),
    ]
    for kind in Question.Kind.allCases {
      let count = pack.questions.filter { $0.kind == kind }.count
      if count > 0 { rows.append(("  \(kind.rawValue)", "\(count)")) }
    }
    let reach = PackLinter(pack: pack).reach()
    for area in pack.areas where area.scored {
      let perRole = reach.map { "\($0.role) \($0.questionsByArea[area.id] ?? 0)" }.joined(separator: ", ")
      rows.append(("  in \(area.id)", perRole))
    }
    for item in reach {
      rows.append(
        (
          "reach \(item.role)",
          "\(item.questions) questions, best share \(TextWrap.percent(item.maxShare)) (\(item.band))"
        ))
    }
    let covered = PackLinter(pack: pack).coveredClaims
    rows += [
      ("sources", "\(pack.sources.count)"),
      ("claims", "\(pack.claims.count) (\(pack.claims.filter { covered.contains($0.id) }.count) covered)"),
      ("credentials", "\(pack.credentials.count) (\(pack.credentials.filter { !$0.verified }.count) unverified)"),
      ("learning paths", "\(pack.paths.count)"),
      ("lexicon entries", "\(pack.lexicon.count) (\(pack.lexicon.reduce(0) { $0 + $1.phrases.count }) phrases)"),
      ("clarify questions", "\(pack.clarify.count)"),
      (
        "workshop agendas",
        "\(pack.agendas.count): "
          + pack.agendas.map { "\($0.id) (\($0.minutes) min, \($0.items.count) items)" }.joined(separator: ", ")
      ),
    ]
    return rows
  }

  /// The counts as an aligned two-column table.
  public func table() -> String {
    let rows = rows()
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
      + "\n"
  }
}
