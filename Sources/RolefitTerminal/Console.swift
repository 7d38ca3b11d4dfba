import Foundation
import RolefitCore

#if canImport(Glibc)
import Glibc
#endif

/// An output stream with its terminal facts: whether it is a terminal, its width, its styler.
///
/// Everything rolefit prints goes through a `Console`, so tests capture output and colour
/// follows the stream it is written to (`NO_COLOR`, pipes and files get plain text).
public final class Console: @unchecked Sendable {
  private let fileDescriptor: Int32?
  /// What the stream is called in an error message ("standard output").
  private let name: String
  private let lock = NSLock()
  private var captured: String = ""
  /// Whether the stream is an interactive terminal.
  public let isTerminal: Bool
  /// How text is decorated on this stream.
  public let styler: any TextStyler
  private let fixedWidth: Int?
  /// Whether lines are wrapped to `width` at word boundaries (on a terminal, and in tests that ask).
  public let wraps: Bool

  /// A console on a file descriptor; colour only on a terminal without `NO_COLOR`.
  public init(fileDescriptor: Int32, name: String) {
    self.fileDescriptor = fileDescriptor
    self.name = name
    self.isTerminal = isatty(fileDescriptor) == 1
    self.wraps = isTerminal
    let environment = ProcessInfo.processInfo.environment
    let colour = isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    self.styler = colour ? ANSIStyler() : PlainStyler()
    self.fixedWidth = nil
  }

  /// A console that keeps what is written, for tests; `wrapping` wraps lines as a terminal's are.
  public init(capturingWithWidth width: Int = 80, styler: any TextStyler = PlainStyler(), wrapping: Bool = false) {
    self.fileDescriptor = nil
    self.name = "captured output"
    self.wraps = wrapping
    self.isTerminal = false
    self.styler = styler
    self.fixedWidth = width
  }

  public static let standardOutput = Console(fileDescriptor: STDOUT_FILENO, name: "standard output")
  public static let standardError = Console(fileDescriptor: STDERR_FILENO, name: "standard error")

  /// The width to wrap text at: the terminal's, `COLUMNS`, or 80; at most 100 for readability.
  public var width: Int {
    if let fixedWidth { return fixedWidth }
    var size = winsize()
    if isTerminal, let fileDescriptor, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(100, Int(size.ws_col))
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return min(100, columns)
    }
    return 80
  }

  /// Writes text, with every control character in it made visible (`ControlCharacters`): text
  /// output never carries an escape sequence but the styler's own colours.
  public func write(_ text: String) {
    emit(Array(ControlCharacters.visible(text, keepingStyles: styler is ANSIStyler).utf8))
  }

  /// Writes JSON, already encoded as UTF-8, such as a batch of JSON lines.
  ///
  /// JSON escapes C0 controls itself; on a terminal, DEL and C1 controls are made visible too.
  /// Into a pipe or a file it passes unchanged, so no byte of the data is altered.
  public func write(json bytes: [UInt8]) {
    if isTerminal {
      emit(Array(ControlCharacters.visible(String(decoding: bytes, as: UTF8.self)).utf8))
    } else {
      emit(bytes)
    }
  }

  /// Writes JSON text; see `write(json:)`.
  public func write(json text: String) { write(json: Array(text.utf8)) }

  /// Writes terminal controls rolefit itself composes (the progress bar's redraw), unchanged.
  func writeControls(_ text: String) { emit(Array(text.utf8)) }

  /// Writes every byte or ends the process: output that cannot be written (a full disk, a
  /// closed pipe, an I/O error) exits 74 with one line on standard error, never a crash.
  private func emit(_ bytes: [UInt8]) {
    lock.lock()
    defer { lock.unlock() }
    guard let fileDescriptor else {
      captured += String(decoding: bytes, as: UTF8.self)
      return
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(fileDescriptor, base + written, buffer.count - written)
      }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      guard count > 0 else {
        let reason = String(cString: strerror(errno))
        if fileDescriptor != STDERR_FILENO {
          let message = Array("rolefit: cannot write to \(name): \(reason)\n".utf8)
          _ = message.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        exit(74)
      }
      written += count
    }
  }

  /// Writes a line, wrapped at word boundaries to the width when the console wraps.
  public func line(_ text: String = "") { write(fitted(text) + "\n") }

  /// Writes text meant for people (a report, a screen), wrapped like `line(_:)`; machine formats
  /// (JSON, CSV) go through `write(_:)` untouched.
  public func text(_ text: String) { write(fitted(text)) }

  /// Each line of `text` wrapped to the width, colour codes not counted, when the console wraps.
  public func fitted(_ text: String) -> String { wraps ? TextWrap.fit(text, width: width) : text }

  /// What a capturing console has been given so far.
  public var output: String {
    lock.lock()
    defer { lock.unlock() }
    return captured
  }
}
