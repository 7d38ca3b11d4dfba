import Foundation
import RolefitCore

/// An output stream with its terminal facts: whether it is a terminal, its width, its styler.
///
/// Everything rolefit prints goes through a `Console`, so tests capture output and colour
/// follows the stream it is written to (`NO_COLOR`, pipes and files get plain text).
public final class Console: @unchecked Sendable {
  private let handle: FileHandle?
  private let lock = NSLock()
  private var captured: String = ""
  /// Whether the stream is an interactive terminal.
  public let isTerminal: Bool
  /// How text is decorated on this stream.
  public let styler: any TextStyler
  private let fixedWidth: Int?
  /// Whether lines are wrapped to `width` at word boundaries (on a terminal, and in tests that ask).
  public let wraps: Bool
  private let fileDescriptor: Int32

  /// A console on a file descriptor; colour only on a terminal without `NO_COLOR`.
  public init(fileDescriptor: Int32, handle: FileHandle) {
    self.handle = handle
    self.fileDescriptor = fileDescriptor
    self.isTerminal = isatty(fileDescriptor) == 1
    self.wraps = isTerminal
    let environment = ProcessInfo.processInfo.environment
    let colour = isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    self.styler = colour ? ANSIStyler() : PlainStyler()
    self.fixedWidth = nil
  }

  /// A console that keeps what is written, for tests; `wrapping` wraps lines as a terminal's are.
  public init(capturingWithWidth width: Int = 80, styler: any TextStyler = PlainStyler(), wrapping: Bool = false) {
    self.handle = nil
    self.fileDescriptor = -1
    self.wraps = wrapping
    self.isTerminal = false
    self.styler = styler
    self.fixedWidth = width
  }

  public static let standardOutput = Console(fileDescriptor: STDOUT_FILENO, handle: .standardOutput)
  public static let standardError = Console(fileDescriptor: STDERR_FILENO, handle: .standardError)

  /// The width to wrap text at: the terminal's, `COLUMNS`, or 80; at most 100 for readability.
  public var width: Int {
    if let fixedWidth { return fixedWidth }
    var size = winsize()
    if isTerminal, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(100, Int(size.ws_col))
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return min(100, columns)
    }
    return 80
  }

  public func write(_ text: String) { write(Array(text.utf8)) }

  /// Writes text already encoded as UTF-8, such as a batch of JSON lines.
  public func write(_ bytes: [UInt8]) {
    lock.lock()
    defer { lock.unlock() }
    if let handle {
      handle.write(Data(bytes))
    } else {
      captured += String(decoding: bytes, as: UTF8.self)
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
