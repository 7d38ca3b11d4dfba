import Foundation
import RolefitCore
import RolefitTerminal

/// Reading the user's input files and writing outputs, with sysexits errors.
enum InputFiles {
  /// The largest answers or workshop file read: far past any real one, and memory stays bounded.
  static let largestInput = 16 << 20

  /// Checks that `path` names something a file can be read from: a folder, a symbolic-link
  /// loop or a missing file is named as such (66) instead of failing later.
  static func checkReadable(_ path: String, what: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      switch errno {
      case ENOENT: throw CLIError.missingInput("\(path): no such \(what)")
      case ELOOP: throw CLIError.missingInput("\(path): a loop of symbolic links, not a \(what)")
      default: throw CLIError.missingInput("\(path): cannot read the \(what): \(String(cString: strerror(errno)))")
      }
    }
    if info.st_mode & S_IFMT == S_IFDIR { throw CLIError.missingInput("\(path): a folder, not a \(what)") }
  }

  /// Reads a UTF-8 text file, or standard input for `-`, of at most `largestInput` bytes.
  static func read(_ path: String, what: String) throws -> String {
    let handle: FileHandle
    if path == "-" {
      handle = .standardInput
    } else {
      try checkReadable(path, what: what)
      guard let opened = FileHandle(forReadingAtPath: path) else {
        throw CLIError.missingInput("\(path): cannot read the \(what)")
      }
      handle = opened
    }
    let shown = path == "-" ? "<stdin>" : path
    var data = Data()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        data.append(chunk)
        if data.count > largestInput {
          throw CLIError.badData("\(shown): the \(what) is larger than \(largestInput >> 20) MiB")
        }
      }
    } catch let error as CLIError {
      throw error
    } catch {
      throw CLIError.ioError("\(shown): cannot read the \(what): \(error.localizedDescription)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError.badData("\(shown): the \(what) is not UTF-8 text")
    }
    return text
  }

  /// Writes an output file where the user said (see `OutputFile`): JSON as it is, any other
  /// format with its control characters made visible.
  static func write(_ text: String, to path: String, json: Bool) throws {
    do {
      try OutputFile.write(text, to: path, json: json)
    } catch {
      switch error {
      case .cannotCreate: throw CLIError.cannotCreate(error.description)
      case .ioError: throw CLIError.ioError(error.description)
      }
    }
  }
}
