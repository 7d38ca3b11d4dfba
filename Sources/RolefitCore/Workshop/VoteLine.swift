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
  ///
  /// In `name=option` form a name may contain spaces (`Ana Maria=a Ben=b`): options never do, so
  /// the first word after an `=` is the option and the rest up to the next `=` the next name.
  public static func parse(_ line: String, participants: [String], options: [String]) -> Swift.Result<Result, Problem> {
    let separators: (Character) -> Bool = { $0 == " " || $0 == "," || $0 == "\t" }
    let words = line.split(whereSeparator: separators).map(String.init)
    guard !words.isEmpty else { return .failure(.empty) }
    var votes: [String: String] = [:]
    if line.contains("=") {
      let segments = line.split(separator: "=", omittingEmptySubsequences: false).map {
        $0.split(whereSeparator: separators).map(String.init)
      }
      var typedName = segments[0].joined(separator: " ")
      for (index, segment) in segments.dropFirst().enumerated() {
        let isLast = index == segments.count - 2
        guard !typedName.isEmpty else { return .failure(.unknownName("=" + (segment.first ?? ""), suggestion: nil)) }
        guard let typedOption = segment.first, !isLast || segment.count == 1 else {
          return .failure(.unknownOption(segment.joined(separator: " "), valid: options))
        }
        let name: String
        switch participant(typedName, in: participants) {
        case .success(let found): name = found
        case .failure(let problem): return .failure(problem)
        }
        guard let chosen = option(typedOption, among: options) else {
          return .failure(.unknownOption(typedOption, valid: options))
        }
        if votes[name] != nil { return .failure(.duplicateVote(name)) }
        votes[name] = chosen
        typedName = segment.dropFirst().joined(separator: " ")
      }
      return .success(Result(votes: votes, missing: []))
    }
    guard words.count <= participants.count else {
      return .failure(.tooManyVotes(given: words.count, participants: participants.count))
    }
    for (name, word) in zip(participants, words) {
      guard let chosen = option(word, among: options) else { return .failure(.unknownOption(word, valid: options)) }
      votes[name] = chosen
    }
    return .success(Result(votes: votes, missing: Array(participants.dropFirst(words.count))))
  }

  /// The option a typed word stands for: its id in any case, or, where the ids are not letters
  /// themselves (a posting's `project`, `program`, `other`), its letter `a`, `b`, `c`… in order.
  public static func option(_ typed: String, among options: [String]) -> String? {
    if let exact = options.first(where: { $0.lowercased() == typed.lowercased() }) { return exact }
    guard let index = letterIndex(typed), index < options.count, !options.contains(where: { letterIndex($0) != nil })
    else { return nil }
    return options[index]
  }

  /// The letter shown beside the option at `index` when the ids are not letters, else `nil`.
  public static func letter(at index: Int, among options: [String]) -> String? {
    guard index < 26, !options.contains(where: { letterIndex($0) != nil }) else { return nil }
    return String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
  }

  /// `a` → 0 … `z` → 25; `nil` for anything else.
  private static func letterIndex(_ word: String) -> Int? {
    guard word.count == 1, let scalar = word.lowercased().unicodeScalars.first, ("a"..."z").contains(scalar) else {
      return nil
    }
    return Int(scalar.value - UnicodeScalar("a").value)
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
