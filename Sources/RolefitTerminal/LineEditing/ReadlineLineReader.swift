internal import CReadline
import Foundation
import RolefitCore
import Synchronization

/// Set by the SIGINT handler; readline's event hook turns it into a cancelled line.
private let interruptRequested = Atomic<Bool>(false)

/// What the C completion callbacks read: readline calls them on the reading thread, so the
/// lock is never contended; it exists because C callbacks cannot capture context.
private let completionState = Mutex<(context: CompletionContext, matches: [String], index: Int)>(
  (CompletionContext(), [], 0))

/// Notices waiting to be shown: readline's event hook shows them between redraws of the line.
private let pendingNotices = Mutex<[@Sendable () -> Void]>([])

/// Reads lines with GNU readline: editing, tab completion, history kept between runs,
/// Ctrl-C cancelling the line and Ctrl-D leaving at an empty prompt.
public final class ReadlineLineReader: LineReader {
  public let isInteractive = true
  private let historyPath: String?

  public var completion: CompletionContext {
    get { completionState.withLock { $0.context } }
    set { completionState.withLock { $0.context = newValue } }
  }

  /// Sets readline up; `historyPath` (created if missing) keeps history across runs.
  public init(historyPath: String?) {
    self.historyPath = historyPath
    "rolefit".withCString { crl_set_name(strdup($0)) }
    crl_set_completer(completer)
    crl_set_event_hook(eventHook)
    // readline must not handle SIGINT itself: ours only sets a flag, and the signal hook below
    // (called when a signal interrupts readline's read) turns it into a cleared, finished line.
    crl_catch_signals(0)
    crl_set_signal_event_hook(eventHook)
    using_history()
    stifle_history(1000)
    if let historyPath {
      let directory = (historyPath as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      if read_history(historyPath) == ENOENT {
        write_history(historyPath)
        chmod(historyPath, 0o600)
      }
    }
    signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
  }

  public func readLine(prompt: String, remember: Bool) -> LineInput {
    interruptRequested.store(false, ordering: .relaxed)
    guard let raw = readline(ControlCharacters.visible(prompt)) else {
      return interruptRequested.exchange(false, ordering: .relaxed) ? .interrupted : .endOfInput
    }
    defer { free(raw) }
    if interruptRequested.exchange(false, ordering: .relaxed) { return .interrupted }
    let line = String(cString: raw)
    if remember, !line.trimmingCharacters(in: .whitespaces).isEmpty {
      add_history(line)
      if let historyPath { append_history(1, historyPath) }
    }
    return .line(line)
  }

  /// Notices are shown above the line being typed, from readline's own thread.
  public var notices: @Sendable (@escaping @Sendable () -> Void) -> Void {
    { show in pendingNotices.withLock { $0.append(show) } }
  }

  /// The history file: `$XDG_STATE_HOME/rolefit/history`, else `~/.local/state/rolefit/history`.
  public static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String?
  {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/rolefit/history"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/rolefit/history"
  }
}

/// readline's completion entry point: completes from the current `CompletionContext`.
private func completer(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  crl_no_filename_completion()
  let word = text.map { String(cString: $0) } ?? ""
  let line = crl_line_buffer().map { String(cString: $0) } ?? ""
  let before = String(line.utf8.prefix(Int(start))) ?? ""
  completionState.withLock { state in
    state.matches = state.context.candidates(before: before, word: word)
    state.index = 0
  }
  return rl_completion_matches(text, generator)
}

/// readline's generator: one `strdup`ed match per call, `nil` when done.
private func generator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
  completionState.withLock { completion in
    guard completion.index < completion.matches.count else { return nil }
    defer { completion.index += 1 }
    return strdup(completion.matches[completion.index])
  }
}

/// Called by readline while it waits, and when a signal interrupts its read: turns a Ctrl-C into
/// a cancelled, finished line.
private func eventHook() -> Int32 {
  let notices = pendingNotices.withLock { pending in
    defer { pending.removeAll() }
    return pending
  }
  if !notices.isEmpty {
    rl_clear_visible_line()
    // readline writes through stdio, the console does not: its clearing must reach the
    // terminal before the notice does.
    fflush(nil)
    for show in notices { show() }
    rl_forced_update_display()
  }
  if interruptRequested.load(ordering: .relaxed) {
    rl_replace_line("", 0)
    crl_finish_line()
  }
  return 0
}
