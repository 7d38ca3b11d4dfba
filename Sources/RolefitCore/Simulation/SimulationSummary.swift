import Foundation

/// Figures from a simulation run, per strategy and overall, as text or JSON.
public struct SimulationSummary: Sendable, Encodable {
  /// The figures of one strategy's respondents.
  public struct Row: Sendable, Encodable {
    public var strategy: String
    public var respondents: Int
    /// Full-form verdicts naming the strategy's own role (role respondents only).
    public var correct: Int
    /// Full-form verdicts strong for a role other than the respondent's own (for gaming strategies, any strong verdict).
    public var strongWrong: Int
    /// Results with at least one response-quality warning.
    public var flagged: Int
    /// Strong verdicts with confidence at least `highConfidence` and no warning.
    public var strongConfidentUnflagged: Int
    /// Short-form verdicts equal to the full form's.
    public var shortAgrees: Int
    public var meanScoredAsked: Double
    public var maxScoredAsked: Int
    public var maxAsked: Int
  }

  public var noise: Double
  public var highConfidence: Double
  public var rows: [Row]
  /// Short-form verdict equal to the full form's, over every respondent.
  public var shortAgreement: Double
  /// The same, counting a change of band (strong to leaning) as a different verdict.
  public var shortAgreementWithBand: Double

  public init(_ outcomes: [RespondentSimulator.Outcome], pack: ContentPack, noise: Double, highConfidence: Double = 0.7)
  {
    self.noise = noise
    self.highConfidence = highConfidence
    let strong = pack.scoring.bands.first?.id
    var order: [String] = []
    var groups: [String: [RespondentSimulator.Outcome]] = [:]
    for outcome in outcomes {
      let key = outcome.strategy.description
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(outcome)
    }
    rows = order.map { key in
      let group = groups[key] ?? []
      let verdicts = group.map { RespondentSimulator.verdict($0.full) }
      return Row(
        strategy: key, respondents: group.count, correct: verdicts.filter { $0 == key }.count,
        strongWrong: group.filter { $0.full.fit.band == strong && !$0.full.fit.isUnclear && $0.full.fit.role != key }
          .count,
        flagged: group.filter { !$0.full.warnings.isEmpty }.count,
        strongConfidentUnflagged: group.filter {
          $0.full.fit.band == strong && $0.full.fit.confidence >= highConfidence && $0.full.warnings.isEmpty
        }.count,
        shortAgrees: group.filter { RespondentSimulator.verdict($0.full) == RespondentSimulator.verdict($0.short) }
          .count,
        meanScoredAsked: group.isEmpty ? 0 : Double(group.map(\.askedScored).reduce(0, +)) / Double(group.count),
        maxScoredAsked: group.map(\.askedScored).max() ?? 0, maxAsked: group.map(\.asked.count).max() ?? 0)
    }
    let agreeing = rows.map(\.shortAgrees).reduce(0, +)
    shortAgreement = outcomes.isEmpty ? 0 : Double(agreeing) / Double(outcomes.count)
    let sameBand = outcomes.filter {
      RespondentSimulator.verdict($0.full) == RespondentSimulator.verdict($0.short)
        && $0.full.fit.band == $0.short.fit.band
    }.count
    shortAgreementWithBand = outcomes.isEmpty ? 0 : Double(sameBand) / Double(outcomes.count)
  }

  /// A table, one strategy a line.
  public func text() -> String {
    var out = [
      "noise \(TextWrap.percent(noise)); high confidence means at least \(String(format: "%.2f", highConfidence))",
      "strategy             n  correct  strong-wrong  flagged  strong+confident+unflagged  short=full  scored asked (mean/max)  asked max",
    ]
    for row in rows {
      out.append(
        row.strategy.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(
            format: "%5d  %7d  %12d  %7d  %26d  %10d  %15.1f/%-7d %9d", row.respondents, row.correct,
            row.strongWrong, row.flagged, row.strongConfidentUnflagged, row.shortAgrees, row.meanScoredAsked,
            row.maxScoredAsked, row.maxAsked))
    }
    out.append(
      "short-form verdict = full-form verdict: \(String(format: "%.1f", shortAgreement * 100))% of respondents "
        + "(\(String(format: "%.1f", shortAgreementWithBand * 100))% with the same band too)")
    return out.joined(separator: "\n") + "\n"
  }
}
