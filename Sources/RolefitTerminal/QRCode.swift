import Foundation

/// A QR code of a link drawn in text, by the system's `qrencode` (Debian's `qrencode` package)
/// when it is installed: rolefit carries no encoder of its own.
enum QRCode {
  /// The code as lines of half-block characters, or `nil` when no encoder is installed or it
  /// failed; it never waits more than a couple of seconds.
  static func text(for link: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    guard
      let encoder = folders.map({ $0 + "/qrencode" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: encoder)
    // UTF8: half blocks, two rows of modules per line; a quiet zone of two modules.
    process.arguments = ["-t", "UTF8", "-m", "2", "-o", "-", link]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8), !text.isEmpty else {
      return nil
    }
    return text
  }
}
