import ArgumentParser
import RolefitCore
import RolefitStore
import RolefitTerminal

/// Failures a command reports to the user: one clear message and a sysexits status.
enum CLIError: Error {
  /// Wrong use of the command line (64).
  case usage(String)
  /// Input that is there but wrong (65).
  case badData(String)
  /// Input that is not there (66).
  case missingInput(String)
  /// Output that cannot be created (73).
  case cannotCreate(String)
  /// Input or output that failed while reading or writing (74).
  case ioError(String)
  /// A content pack that does not load (65 or 66).
  case content(ContentError)
  /// The database cannot be used (65 damaged or newer, 73 cannot create, 74 read-only or full).
  case store(StoreError)

  var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .badData: return 65
    case .missingInput: return 66
    case .cannotCreate: return 73
    case .ioError: return 74
    case .content(.packNotFound): return 66
    case .content(.unreadable): return 66
    case .content(.invalid): return 65
    case .store(.cannotCreate), .store(.insecurePermissions): return 73
    case .store(.readOnly), .store(.unavailable): return 74
    case .store(.notFound): return 66
    case .store: return 65
    }
  }

  var message: String {
    switch self {
    case .usage(let text), .badData(let text), .missingInput(let text), .cannotCreate(let text), .ioError(let text):
      return text
    case .content(let error): return error.description
    case .store(let error): return error.description
    }
  }
}

extension ParsableCommand {
  /// Runs `body`, turning `CLIError`s into a message on standard error and their exit status.
  func reportingErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as CLIError {
      Console.standardError.text(Self.prefixed(error.message))
      throw ExitCode(error.exitCode)
    }
  }

  /// Prefixes each line of a message with `rolefit: `, unless it already names a file position.
  static func prefixed(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.contains(": error: ") || line.contains(": warning: ") ? String(line) : "rolefit: \(line)"
    }.joined(separator: "\n") + "\n"
  }
}

extension CLIError {
  /// A labelled posting whose label names none of the classes the engine reads as.
  static func unknownLabel(_ label: String, of id: String, in source: String, classes: [String]) -> CLIError {
    .badData("\(source): \(id) has the label '\(label)', which is none of \(classes.joined(separator: ", "))")
  }
}
