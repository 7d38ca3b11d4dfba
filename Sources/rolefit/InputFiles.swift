import Foundation
import RolefitTerminal

/// Reading the user's input files and writing outputs, with sysexits errors.
enum InputFiles {
  /// Reads a UTF-8 text file, or standard input for `-`.
  static func read(_ path: String, what: String) throws -> String {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard FileManager.default.fileExists(atPath: path) else {
        throw CLIError.missingInput("\(path): no such \(what)")
      }
      guard let read = FileManager.default.contents(atPath: path) else {
        throw CLIError.missingInput("\(path): cannot read the \(what)")
      }
      data = read
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError.badData("\(path == "-" ? "<stdin>" : path): the \(what) is not UTF-8 text")
    }
    return text
  }

  /// Writes text to a file, creating or replacing it.
  static func write(_ text: String, to path: String) throws {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw CLIError.cannotCreate("\(path): cannot write: \(error.localizedDescription)")
    }
  }
}
