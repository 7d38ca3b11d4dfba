/// What reading a line produced.
public enum LineInput: Sendable, Equatable {
  /// A line the user entered, without its newline.
  case line(String)
  /// Ctrl-C: the line was cancelled; the session goes on.
  case interrupted
  /// Ctrl-D at an empty prompt, or the end of piped input.
  case endOfInput
}

/// What tab completion may offer, given the words already on the line.
public struct CompletionContext: Sendable, Equatable {
  /// Candidates for the first word of a line.
  public var firstWord: [String]
  /// Candidates for the words after a given first word (`cert` → credential ids), or after given
  /// first words (`workshop resume` → workshop names).
  public var afterCommand: [String: [String]]
  /// Candidates for later words when the first word is not a command (a multi-select answer).
  public var laterWords: [String]

  public init(firstWord: [String] = [], afterCommand: [String: [String]] = [:], laterWords: [String] = []) {
    self.firstWord = firstWord
    self.afterCommand = afterCommand
    self.laterWords = laterWords
  }

  /// The candidates for the word being typed, given the text before it on the line.
  public func candidates(before: String, word: String) -> [String] {
    let previous = before.split(separator: " ").map(String.init)
    let pool: [String]
    if previous.isEmpty {
      pool = firstWord
    } else if let arguments = afterCommand[previous.joined(separator: " ").lowercased()] {
      // A key of several words (`workshop resume`) completes the word after them.
      pool = arguments
    } else if let arguments = afterCommand[previous[0].lowercased()] {
      pool = arguments
    } else {
      pool = laterWords
    }
    let lowered = word.lowercased()
    var seen: Set<String> = []
    return pool.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }
  }
}

/// Reads lines from the user.
///
/// The REPL talks only to this protocol, so its logic is tested with a scripted reader and runs
/// unchanged on readline or on a pipe.
public protocol LineReader: AnyObject {
  /// Reads one line after showing `prompt`; `remember` adds it to the history.
  func readLine(prompt: String, remember: Bool) -> LineInput
  /// What tab completion offers for the next line.
  var completion: CompletionContext { get set }
  /// Whether a person is typing (a terminal), so prompts and hints are worth showing.
  var isInteractive: Bool { get }
  /// How to show something that happened meanwhile (a vote from a device), from any thread,
  /// without breaking the line being typed.
  var notices: @Sendable (@escaping @Sendable () -> Void) -> Void { get }
}

extension LineReader {
  /// Readers with no line on screen show a notice at once.
  public var notices: @Sendable (@escaping @Sendable () -> Void) -> Void { { show in show() } }
}

/// Reads standard input plainly, with no prompt and no echo: for pipes and scripts.
public final class PlainLineReader: LineReader {
  public var completion = CompletionContext()
  public let isInteractive = false

  public init() {}

  public func readLine(prompt: String, remember: Bool) -> LineInput {
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }
}

/// Replays a fixed list of lines: for tests of the REPL logic.
public final class ScriptedLineReader: LineReader {
  public var completion = CompletionContext()
  public let isInteractive: Bool
  private var inputs: [LineInput]
  /// The prompts shown, in order.
  public private(set) var prompts: [String] = []

  public init(_ inputs: [LineInput], interactive: Bool = false) {
    self.inputs = inputs
    self.isInteractive = interactive
  }

  /// A reader of plain lines.
  public convenience init(lines: [String], interactive: Bool = false) {
    self.init(lines.map { .line($0) }, interactive: interactive)
  }

  public func readLine(prompt: String, remember: Bool) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }
}
