import Foundation

/// The checks `rolefit content lint` runs on a pack that loads: balance, freshness and coverage.
/// (Schema and reference problems are found while loading; see `ContentLoader.read`.)
public struct PackLinter: Sendable {
  public let pack: ContentPack
  /// The date freshness is measured against.
  public let today: CalendarDate

  public init(pack: ContentPack, today: CalendarDate = .today) {
    self.pack = pack
    self.today = today
  }

  /// Every finding, in file order.
  public func lint() -> [Diagnostic] {
    (balance() + questionsThatCannotMatter() + sameAnswerEverywhere() + desirability() + freshness() + coverage()
      + phrasesListedTwice())
      .sorted {
        ($0.location.file, $0.location.line, $0.location.column) < (
          $1.location.file, $1.location.line, $1.location.column
        )
      }
  }

  // MARK: Balance

  /// How far each role can go, and by how many questions it can be reached.
  public struct RoleReach: Sendable, Hashable {
    public var role: String
    /// The highest share this role reaches when every answer favours it.
    public var maxShare: Double
    /// The band that answer set gets.
    public var band: String
    /// How many scored questions can give the role weight.
    public var questions: Int
    /// The same, per area id.
    public var questionsByArea: [String: Int]
  }

  /// Reach per role: the answer set most favourable to each role, scored.
  public func reach() -> [RoleReach] {
    let scorer = Scorer(pack: pack)
    return pack.assessedRoles.map { role in
      var sheet = AnswerSheet()
      for question in pack.scoredQuestions {
        if question.kind == .multi {
          sheet[question.id] = .choices(question.options.filter { standing($0.weights, role.id) > 0 }.map(\.id))
        } else if let best = scorer.alternatives(for: question).max(by: { a, b in
          standing(question.weights(for: a), role.id) < standing(question.weights(for: b), role.id)
        }) {
          sheet[question.id] = best
        }
      }
      let result = scorer.score(sheet)
      let reaching = pack.scoredQuestions.filter { question in
        scorer.alternatives(for: question).contains { (question.weights(for: $0)[role.id] ?? 0) > 0 }
      }
      return RoleReach(
        role: role.id, maxShare: result.share(of: role.id),
        band: result.fit.role == role.id ? result.fit.band : "not reached",
        questions: reaching.count, questionsByArea: Dictionary(grouping: reaching, by: \.area).mapValues(\.count))
    }
  }

  /// A role's weight minus the best other role's: how much an answer favours it.
  private func standing(_ weights: [String: Double], _ role: String) -> Double {
    (weights[role] ?? 0) - (weights.filter { $0.key != role }.values.max() ?? 0)
  }

  private func balance() -> [Diagnostic] {
    let reach = reach()
    var findings: [Diagnostic] = []
    let strongest = reach.map(\.questions).max() ?? 0
    for item in reach {
      if item.band != pack.scoring.bands.first?.id {
        findings.append(
          Diagnostic(
            .warning,
            "role '\(item.role)' cannot reach the '\(pack.scoring.bands.first?.id ?? "")' band even when every answer favours it (best share \(TextWrap.percent(item.maxShare)))",
            at: pack.assessedRole(item.role)?.location ?? pack.location, rule: "balance"))
      }
      if strongest > 0, Double(item.questions) < 0.5 * Double(strongest) {
        findings.append(
          Diagnostic(
            .warning,
            "role '\(item.role)' can be reached by \(item.questions) questions, far fewer than another role's \(strongest)",
            at: pack.assessedRole(item.role)?.location ?? pack.location, rule: "balance"))
      }
    }
    return findings
  }

  /// Questions in scored areas whose every answer earns the same weights.
  private func questionsThatCannotMatter() -> [Diagnostic] {
    let scorer = Scorer(pack: pack)
    let unscored = Set(pack.areas.filter { !$0.scored }.map(\.id))
    return pack.questions.filter { !unscored.contains($0.area) && $0.profileField == nil }.compactMap { question in
      let vectors = Set(scorer.alternatives(for: question).map { scorer.vector(question.weights(for: $0)) })
      guard vectors.count <= 1 else { return nil }
      return Diagnostic(
        .warning, "question '\(question.id)' cannot change the result: every answer earns the same weights",
        at: question.location, rule: "balance")
    }
  }

  /// Answering the same position everywhere (all first options, all "strongly agree") must not give a strong fit.
  private func sameAnswerEverywhere() -> [Diagnostic] {
    let scorer = Scorer(pack: pack)
    let questions = pack.scoredQuestions.filter { $0.kind != .multi && $0.kind != .number }
    let longest = questions.map(\.options.count).max() ?? 0
    var findings: [Diagnostic] = []
    for position in 0..<longest {
      var sheet = AnswerSheet()
      for question in questions where !question.options.isEmpty {
        sheet[question.id] = .choice(question.options[min(position, question.options.count - 1)].id)
      }
      let result = scorer.score(sheet)
      if result.fit.band == pack.scoring.bands.first?.id {
        findings.append(
          Diagnostic(
            .warning,
            "answering option \(position + 1) (or the last) everywhere gives a \(result.fit.band) '\(result.fit.role)' fit; balance the option order",
            at: pack.location, rule: "balance"))
      }
    }
    return findings
  }

  // MARK: Desirability

  /// The longest option may be at most this many times the shortest, so length is no giveaway.
  public static let maximumLengthRatio = 1.5

  /// Checks that options do not give the answer away: similar lengths, strategy words not owned
  /// by one role, no weightless option that reads as "not my job".
  private func desirability() -> [Diagnostic] {
    let style = ResponseStyle(rules: pack.scoring.responseStyle, pack: pack)
    var findings: [Diagnostic] = []
    for question in pack.scoredQuestions where question.kind == .single || question.kind == .forced {
      let lengths = question.options.map(\.text.count)
      if let longest = lengths.max(), let shortest = lengths.min(), shortest > 0,
        Double(longest) / Double(shortest) > Self.maximumLengthRatio
      {
        findings.append(
          Diagnostic(
            .warning,
            "question '\(question.id)': the longest option is \(String(format: "%.1f", Double(longest) / Double(shortest)))× the shortest (at most \(String(format: "%.1f", Self.maximumLengthRatio))); people who answer to look good pick the longest",
            at: question.location, rule: "desirability"))
      }
      var rolesByWord: [String: Set<String>] = [:]
      for option in question.options {
        let roles = Set(option.weights.filter { $0.value > 0 }.map(\.key))
        for word in style.strategyWords(in: option.text) { rolesByWord[word, default: []].formUnion(roles) }
      }
      let optionRoles = Set(question.options.flatMap { $0.weights.filter { $0.value > 0 }.map(\.key) })
      let owned = rolesByWord.filter { $0.value.count == 1 && optionRoles.count > 1 }
      if let role = owned.values.first?.first, owned.values.allSatisfy({ $0 == [role] }) {
        findings.append(
          Diagnostic(
            .warning,
            "question '\(question.id)': strategy words (\(owned.keys.sorted().joined(separator: ", "))) appear only in '\(role)' options; they give the answer away",
            at: question.location, rule: "desirability"))
      }
      for option in question.options where !option.weights.values.contains(where: { $0 > 0 }) {
        findings.append(
          Diagnostic(
            .warning,
            "question '\(question.id)': option '\(option.id)' carries no weight; a way out that reads as 'not my job' measures nothing and draws people who avoid the choice",
            at: question.location, rule: "desirability"))
      }
    }
    return findings
  }

  // MARK: Freshness

  private func freshness() -> [Diagnostic] {
    guard let limit = pack.freshnessMonths else { return [] }
    return pack.credentials.compactMap { credential in
      guard let date = CalendarDate(credential.asOf) else { return nil }
      let age = date.months(until: today)
      guard age > limit else { return nil }
      return Diagnostic(
        .warning,
        "facts about '\(credential.id)' are \(age) months old (as_of \(credential.asOf); the pack's limit is \(limit) months): check them again",
        at: credential.location, rule: "freshness")
    }
  }

  // MARK: Coverage

  /// The claims that something in the pack cites.
  public var coveredClaims: Set<String> {
    var covered = Set(pack.questions.flatMap(\.claims))
    covered.formUnion(pack.lexicon.flatMap(\.claims))
    covered.formUnion(pack.paths.flatMap { $0.steps.flatMap(\.claims) })
    covered.formUnion(pack.credentials.flatMap(\.claims))
    covered.formUnion(pack.roles.flatMap(\.claims))
    covered.formUnion(pack.jobDescription?.advice.values.flatMap(\.claims) ?? [])
    covered.formUnion(pack.agendas.flatMap { $0.sections.flatMap { $0.items.flatMap(\.claims) } })
    return covered
  }

  private func coverage() -> [Diagnostic] {
    let covered = coveredClaims
    return pack.claims.filter { !covered.contains($0.id) }.map {
      Diagnostic(
        .warning,
        "claim '\($0.id)' is covered by nothing: no question, lexicon entry, learning step or credential cites it",
        at: $0.location, rule: "coverage")
    }
  }
}

extension PackLinter {
  /// A lexicon phrase listed under a second entry: every match goes to the entry listed first,
  /// so the second listing never counts (compared as the engine reads them, in lower case with
  /// British spellings mapped).
  private func phrasesListedTwice() -> [Diagnostic] {
    let spelling = pack.jobDescription?.spelling ?? [:]
    var owners: [String: String] = [:]
    var findings: [Diagnostic] = []
    for entry in pack.lexicon {
      for phrase in entry.phrases {
        let words = Vocabulary.words(of: phrase).map { spelling[$0] ?? $0 }.joined(separator: " ")
        guard let owner = owners[words] else {
          owners[words] = entry.id
          continue
        }
        guard owner != entry.id else { continue }
        findings.append(
          Diagnostic(
            .warning,
            "lexicon phrase '\(phrase)' of entry '\(entry.id)' is also listed under '\(owner)', which comes first: here it never counts",
            at: entry.location, rule: "lexicon"))
      }
    }
    return findings
  }
}

extension CalendarDate {
  /// Today's date in UTC.
  public static var today: CalendarDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }
}
