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

  /// A console on a file descriptor; colour only on a terminal without `NO_COLOR`.
  public init(fileDescriptor: Int32, handle: FileHandle) {
    self.handle = handle
    self.isTerminal = isatty(fileDescriptor) == 1
    let environment = ProcessInfo.processInfo.environment
    let colour = isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    self.styler = colour ? ANSIStyler() : PlainStyler()
    self.fixedWidth = nil
  }

  /// A console that keeps what is written, for tests.
  public init(capturingWithWidth width: Int = 80, styler: any TextStyler = PlainStyler()) {
    self.handle = nil
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
    if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
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

  /// Writes a line.
  public func line(_ text: String = "") { write(text + "\n") }

  /// What a capturing console has been given so far.
  public var output: String {
    lock.lock()
    defer { lock.unlock() }
    return captured
  }
}
