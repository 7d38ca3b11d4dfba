import Foundation

/// Runs rolefit on a pseudo-terminal, so it uses real GNU readline: keys typed, screen read.
final class PseudoTerminal {
  private let master: Int32
  private let process = Process()
  private(set) var screen = ""

  /// Starts rolefit on a new pseudo-terminal.
  ///
  /// With `controlling`, the terminal becomes the process's controlling terminal (through `setsid -c`),
  /// so Ctrl-C sends a real SIGINT. `columns` is the terminal's width.
  init(arguments: [String] = [], environment: [String: String], controlling: Bool = false, columns: UInt16 = 100)
    throws
  {
    // Linux: open the multiplexer, unlock the pair and ask for its number (TIOCSPTLCK, TIOCGPTN;
    // posix_openpt and friends are not in Swift's Glibc module).
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
      throw RolefitBinary.Missing(description: "no pseudo-terminal available")
    }
    let slavePath = "/dev/pts/\(number)"
    let slave = FileHandle(forUpdatingAtPath: slavePath)
    guard let slave else { throw RolefitBinary.Missing(description: "cannot open \(slavePath)") }
    var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave.fileDescriptor, UInt(TIOCSWINSZ), &size)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    if controlling {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
      process.arguments = ["-c", try RolefitBinary.url.path] + arguments
    } else {
      process.executableURL = try RolefitBinary.url
      process.arguments = arguments
    }
    var environment = environment
    environment["TERM"] = "xterm"
    process.environment = environment
    process.standardInput = slave
    process.standardOutput = slave
    process.standardError = slave
    try process.run()
    try slave.close()
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  /// Types text (use "\t" for Tab, "\r" for Enter, "\u{4}" for Ctrl-D).
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Where the screen ends now, for `waitFor(_:after:)`.
  var mark: Int { screen.utf8.count }

  /// Reads what the program prints until `text` appears after `mark` (a `mark` taken earlier;
  /// by default anywhere), or the timeout passes.
  @discardableResult
  func waitFor(_ text: String, after mark: Int = 0, timeout: TimeInterval = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 4096)
    func seen() -> Bool { String(decoding: screen.utf8.dropFirst(mark), as: UTF8.self).contains(text) }
    while Date() < deadline {
      let count = read(master, &buffer, buffer.count)
      if count > 0 {
        screen += String(decoding: buffer[0..<count], as: UTF8.self)
        if seen() { return true }
      } else {
        if seen() { return true }
        if !process.isRunning && count <= 0 { return seen() }
        usleep(20_000)
      }
    }
    return seen()
  }

  /// Whether the program is still running.
  var isRunning: Bool { process.isRunning }

  /// Waits for the program to end; its exit status, or nil on timeout.
  func waitForExit(timeout: TimeInterval = 20) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      waitFor("\u{0}", timeout: 0.1)
    }
    return process.isRunning ? nil : process.terminationStatus
  }
}
