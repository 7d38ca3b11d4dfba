/// Simulated respondents, to show that the assessment is valid rather than just arithmetic.
///
/// A respondent with a true role answers every question of the current-work track with that
/// role's option, except that with probability `noise` it picks an option at random. Gaming
/// respondents follow a strategy (always the first option, the longest, the one with the most
/// strategy words, or a profile with no management months that always claims senior scope).
/// Everything is seeded, so a run gives the same figures every time.
public struct RespondentSimulator: Sendable {
  /// How a simulated respondent answers.
  public enum Strategy: Sendable, Hashable, CustomStringConvertible {
    /// Answers in character for a role of the pack, with noise.
    case role(String)
    /// Picks any option at random.
    case random
    /// Always the first option.
    case first
    /// Always the longest option.
    case longest
    /// Always the option with the most of the pack's strategy words (the longest among ties).
    case mostStrategic
    /// No management months, the preference track, and always the option for a senior role.
    case lookSenior

    public var description: String {
      switch self {
      case .role(let id): return id
      case .random: return "random"
      case .first: return "always-first"
      case .longest: return "always-longest"
      case .mostStrategic: return "most-strategic"
      case .lookSenior: return "look-senior"
      }
    }
  }

  /// One respondent scored on the full form and on the short form.
  public struct Outcome: Sendable {
    public var strategy: Strategy
    public var full: AssessmentResult
    public var short: AssessmentResult
    /// The questions the short form asked, profile included.
    public var asked: [String]
    /// How many of those count towards the result.
    public var askedScored: Int
  }

  public let pack: ContentPack
  let scorer: Scorer
  let style: ResponseStyle

  public init(pack: ContentPack) {
    self.pack = pack
    self.scorer = Scorer(pack: pack)
    self.style = ResponseStyle(rules: pack.scoring.responseStyle, pack: pack)
  }

  /// The verdict a result states: "unclear", "hybrid" or the leading role's id.
  public static func verdict(_ result: AssessmentResult) -> String {
    result.fit.isUnclear ? "unclear" : result.fit.isHybrid ? "hybrid" : result.fit.role
  }

  /// A complete answer sheet for one respondent.
  public func answers(_ strategy: Strategy, noise: Double, generator: inout SplitMix64) -> AnswerSheet {
    var sheet = AnswerSheet()
    let seniorRole = pack.scoring.responseStyle.seniorRoles.first
    let track: AssessmentTrack = strategy == .lookSenior ? .preference : .current
    for question in pack.questions where question.profileField != nil {
      switch question.profileField {
      case .track: sheet[question.id] = .choice(track.rawValue)
      case .projectMonths: sheet[question.id] = .number(strategy == .lookSenior ? 0 : months(strategy, .project))
      case .programMonths: sheet[question.id] = .number(strategy == .lookSenior ? 0 : months(strategy, .program))
      case .agileMonths: sheet[question.id] = .number(strategy == .lookSenior ? 0 : months(strategy, .agile))
      case .trainingHours: sheet[question.id] = .number(0)
      case .certifications: sheet[question.id] = .choices([])
      case .education: sheet[question.id] = question.options.first.map { .choice($0.id) }
      case nil: break
      }
    }
    for question in scorer.questions(for: track) where !question.options.isEmpty {
      let options = question.options
      let pick: AnswerOption?
      switch strategy {
      case .role(let role):
        pick =
          Double(generator.next() % 1_000_000) / 1_000_000 < noise
          ? options[Int(generator.next() % UInt64(options.count))]
          : options.max { ($0.weights[role] ?? 0) < ($1.weights[role] ?? 0) }
      case .random: pick = options[Int(generator.next() % UInt64(options.count))]
      case .first: pick = options.first
      case .longest: pick = options.max { $0.text.count < $1.text.count }
      case .mostStrategic:
        pick = options.max {
          (style.strategyWordCount($0.text), $0.text.count) < (style.strategyWordCount($1.text), $1.text.count)
        }
      case .lookSenior:
        pick = options.max { ($0.weights[seniorRole ?? ""] ?? 0) < ($1.weights[seniorRole ?? ""] ?? 0) }
      }
      if let pick {
        sheet[question.id] = question.kind == .multi ? .choices([pick.id]) : .choice(pick.id)
      }
    }
    return sheet
  }

  /// The months a role respondent reports: two years of leading projects, and three more years
  /// of the experience its role builds.
  private func months(_ strategy: Strategy, _ kind: ExperienceKind) -> Double {
    guard case .role(let id) = strategy else { return 24 }
    let own = pack.assessedRole(id)?.experience == kind ? 36.0 : 0
    return kind == .project ? 24 + own : own
  }

  /// Scores one respondent on both forms.
  public func outcome(_ strategy: Strategy, noise: Double, generator: inout SplitMix64) -> Outcome {
    let sheet = answers(strategy, noise: noise, generator: &generator)
    let replay = ShortForm(pack: pack).replay(sheet)
    let scoredIDs = Set(scorer.scoredQuestions.map(\.id))
    return Outcome(
      strategy: strategy, full: scorer.score(sheet), short: scorer.score(replay.sheet), asked: replay.asked,
      askedScored: replay.asked.filter(scoredIDs.contains).count)
  }

  /// Every strategy: `count` respondents per role of the pack, and `count` of each gaming strategy.
  public func run(count: Int, noise: Double, seed: UInt64) -> [Outcome] {
    var generator = SplitMix64(seed: seed)
    let strategies =
      pack.assessedRoles.map { Strategy.role($0.id) } + [.random, .first, .longest, .mostStrategic, .lookSenior]
    return strategies.flatMap { strategy in
      (0..<count).map { _ in outcome(strategy, noise: noise, generator: &generator) }
    }
  }
}
