/// A place in a content file: the file's display path, a line and a column, both from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file as it should be shown to a user (for the bundled pack, `content/...`).
  public var file: String
  /// The line, from 1.
  public var line: Int
  /// The column in Unicode scalars, from 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int = 1, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a content pack, printed like a compiler's:
/// `content/questions/scope.yaml:12:7: error: unknown role 'progam-manager'`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad a problem is: errors stop the program, warnings are shown once.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// Where the problem is.
  public var location: SourceLocation
  /// Whether it is an error or a warning.
  public var severity: Severity
  /// What is wrong, in one line.
  public var message: String
  /// A short name for the rule that found it (`schema`, `reference`, `balance`, `freshness`, `coverage`).
  public var rule: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation, rule: String) {
    self.location = location
    self.severity = severity
    self.message = message
    self.rule = rule
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The reason a content pack could not be loaded.
public enum ContentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pack folder does not exist; `looked` lists every place that was tried.
  case packNotFound(looked: [String])
  /// A file of the pack could not be read.
  case unreadable(path: String, reason: String)
  /// The pack has errors; every problem found is listed, warnings included.
  case invalid([Diagnostic])

  public var description: String {
    switch self {
    case .packNotFound(let looked):
      return "no content pack found; looked in: " + looked.joined(separator: ", ")
    case .unreadable(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .invalid(let diagnostics):
      return diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
  }
}
