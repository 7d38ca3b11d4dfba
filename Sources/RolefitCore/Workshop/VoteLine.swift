import Foundation

/// Reads a facilitator's vote line: options in roster order (`a b a c`) or by name
/// (`ana=a ben=b`), names matched case-insensitively or by a unique prefix.
public enum VoteLine {
  /// Why a vote line was not accepted; nothing of it is recorded.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownName(String, suggestion: String?)
    case ambiguousName(String, matches: [String])
    case duplicateVote(String)
    case unknownOption(String, valid: [String])
    case tooManyVotes(given: Int, participants: Int)
    case empty

    public var description: String {
      // What was typed is echoed at most `longestEcho` characters long: a 10 MB word is not
      // printed back whole.
      func echo(_ text: String) -> String {
        text.count > Self.longestEcho ? text.prefix(Self.longestEcho) + "…" : text
      }
      switch self {
      case .unknownName(let name, let suggestion):
        return "no participant called '\(echo(name))'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
          + "; participants add NAME adds one"
      case .ambiguousName(let name, let matches):
        return "'\(echo(name))' could be \(matches.joined(separator: " or ")); type more of the name"
      case .duplicateVote(let name): return "\(name) is given two votes in one line"
      case .unknownOption(let option, let valid):
        return "'\(echo(option))' is not an option here; choose one of: \(valid.joined(separator: ", "))"
      case .tooManyVotes(let given, let participants):
        return "\(given) votes for \(participants) participants; use name=option to vote for some of them"
      case .empty: return "no votes in the line"
      }
    }

    /// The most characters of a typed word a message repeats.
    static let longestEcho = 40
  }

  /// The votes a line gives, by participant, and who in the roster it leaves without one.
  public struct Result: Sendable, Equatable {
    public var votes: [String: String]
    /// Participants with no vote from this line (in roster order) when it was a roster-order line.
    public var missing: [String]

    public init(votes: [String: String], missing: [String]) {
      self.votes = votes
      self.missing = missing
    }
  }

  /// Parses a line against the roster and the item's options.
  public static func parse(_ line: String, participants: [String], options: [String]) -> Swift.Result<Result, Problem> {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    guard !words.isEmpty else { return .failure(.empty) }
    func option(_ raw: String) -> String? { options.first { $0.lowercased() == raw.lowercased() } }
    var votes: [String: String] = [:]
    if words.contains(where: { $0.contains("=") }) {
      for word in words {
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .failure(.unknownName(word, suggestion: nil)) }
        let name: String
        switch participant(parts[0], in: participants) {
        case .success(let found): name = found
        case .failure(let problem): return .failure(problem)
        }
        guard let chosen = option(parts[1]) else { return .failure(.unknownOption(parts[1], valid: options)) }
        if votes[name] != nil { return .failure(.duplicateVote(name)) }
        votes[name] = chosen
      }
      return .success(Result(votes: votes, missing: []))
    }
    guard words.count <= participants.count else {
      return .failure(.tooManyVotes(given: words.count, participants: participants.count))
    }
    for (name, word) in zip(participants, words) {
      guard let chosen = option(word) else { return .failure(.unknownOption(word, valid: options)) }
      votes[name] = chosen
    }
    return .success(Result(votes: votes, missing: Array(participants.dropFirst(words.count))))
  }

  /// The participant a typed name stands for: exact (any case) or a unique prefix.
  public static func participant(_ typed: String, in participants: [String]) -> Swift.Result<String, Problem> {
    let lowered = typed.lowercased()
    if let exact = participants.first(where: { $0.lowercased() == lowered }) { return .success(exact) }
    let prefixed = participants.filter { $0.lowercased().hasPrefix(lowered) }
    if prefixed.count == 1 { return .success(prefixed[0]) }
    if prefixed.count > 1 { return .failure(.ambiguousName(typed, matches: prefixed)) }
    // No name is that long: a suggestion for a huge word would only cost time.
    let suggestion =
      typed.count > Problem.longestEcho ? nil : EditDistance.suggestion(for: typed, among: participants)
    return .failure(.unknownName(typed, suggestion: suggestion))
  }
}

/// How much a group disagrees: the normalised entropy of the votes.
public enum Disagreement {
  /// 0 when everyone chose the same option, 1 when votes spread evenly over every option.
  ///
  /// Entropy of the vote shares divided by the log of the number of options (or of voters, if
  /// fewer), so a figure means the same on a two-option and a five-option item.
  public static func of(_ counts: [Int], options: Int) -> Double {
    let total = counts.reduce(0, +)
    let reachable = min(options, total)
    guard total > 1, reachable > 1 else { return 0 }
    var entropy = 0.0
    for count in counts where count > 0 {
      let share = Double(count) / Double(total)
      entropy -= share * log(share)
    }
    return min(1, entropy / log(Double(reachable)))
  }
}
