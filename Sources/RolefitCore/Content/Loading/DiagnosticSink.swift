/// Collects the problems found while reading a pack, so a lint reports all of them.
final class DiagnosticSink {
  private(set) var items: [Diagnostic] = []

  var hasErrors: Bool { items.contains { $0.severity == .error } }

  func error(_ message: String, at location: SourceLocation, rule: String = "schema") {
    items.append(Diagnostic(.error, message, at: location, rule: rule))
  }

  func warning(_ message: String, at location: SourceLocation, rule: String) {
    items.append(Diagnostic(.warning, message, at: location, rule: rule))
  }

  func append(contentsOf diagnostics: [Diagnostic]) {
    items.append(contentsOf: diagnostics)
  }
}
