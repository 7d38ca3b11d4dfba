internal import Yams

/// A YAML node together with the file it came from, read with precise locations.
///
/// The readers record every problem in a `DiagnosticSink` and return `nil` or a default,
/// so one pass over a pack finds every problem instead of stopping at the first.
struct YAMLValue {
  let node: Node
  let file: String
  let sink: DiagnosticSink

  var location: SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// The scalar's text as written, or `nil` (and an error) when it is not a scalar.
  func string(_ what: String) -> String? {
    guard let scalar = node.scalar else {
      sink.error("\(what) must be a string", at: location)
      return nil
    }
    return scalar.string
  }

  /// The scalar as a number within `range`, or `nil` (and an error).
  ///
  /// Every number a pack holds has a documented range (content/README.md), checked here
  /// before anything uses it: NaN, infinities and huge values never reach scoring.
  func number(_ what: String, in range: ClosedRange<Double>) -> Double? {
    guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
      sink.error("\(what) must be a number", at: location)
      return nil
    }
    guard range.contains(value) else {
      sink.error(
        "\(what) must be between \(AnswerValue.number(range.lowerBound)) and \(AnswerValue.number(range.upperBound)) (got \(text))",
        at: location)
      return nil
    }
    return value
  }

  /// The scalar as a whole number within `range`, or `nil` (and an error).
  func integer(_ what: String, in range: ClosedRange<Int>) -> Int? {
    guard let text = node.scalar?.string, let value = Int(text) else {
      sink.error("\(what) must be a whole number", at: location)
      return nil
    }
    guard range.contains(value) else {
      sink.error("\(what) must be between \(range.lowerBound) and \(range.upperBound) (got \(text))", at: location)
      return nil
    }
    return value
  }

  /// The scalar as a boolean, or `nil` (and an error).
  func boolean(_ what: String) -> Bool? {
    switch node.scalar?.string.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      sink.error("\(what) must be true or false", at: location)
      return nil
    }
  }

  /// Whether the node is YAML's null (`~`, `null` or nothing).
  var isNull: Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The items of a sequence, or an empty list (and an error).
  func sequence(_ what: String) -> [YAMLValue] {
    guard let sequence = node.sequence else {
      sink.error("\(what) must be a list", at: location)
      return []
    }
    return sequence.map { YAMLValue(node: $0, file: file, sink: sink) }
  }

  /// A list of strings, each with its location.
  func strings(_ what: String) -> [(String, SourceLocation)] {
    sequence(what).compactMap { item in item.string("each item of \(what)").map { ($0, item.location) } }
  }

  /// A mapping read key by key, or `nil` (and an error).
  func mapping(_ what: String) -> YAMLMapping? {
    guard let mapping = node.mapping else {
      sink.error("\(what) must be a mapping of keys to values", at: location)
      return nil
    }
    return YAMLMapping(mapping: mapping, owner: self, what: what)
  }
}

/// A YAML mapping whose keys are checked against the keys a format allows.
struct YAMLMapping {
  let mapping: Node.Mapping
  let owner: YAMLValue
  let what: String
  /// The values by key, for lookups without scanning (Yams' subscript compares nodes one by one).
  private let index: [String: Node]

  init(mapping: Node.Mapping, owner: YAMLValue, what: String) {
    self.mapping = mapping
    self.owner = owner
    self.what = what
    var index: [String: Node] = [:]
    for (key, value) in mapping {
      if let name = key.scalar?.string, index[name] == nil { index[name] = value }
    }
    self.index = index
  }

  var location: SourceLocation { owner.location }
  var sink: DiagnosticSink { owner.sink }

  /// Every key with its value, in file order.
  var entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
    mapping.map { pair in
      let key = YAMLValue(node: pair.key, file: owner.file, sink: owner.sink)
      return (
        pair.key.scalar?.string ?? "", key.location, YAMLValue(node: pair.value, file: owner.file, sink: owner.sink)
      )
    }
  }

  /// The value of `key`, if present and not null.
  func value(_ key: String) -> YAMLValue? {
    guard let node = index[key] else { return nil }
    let value = YAMLValue(node: node, file: owner.file, sink: owner.sink)
    return value.isNull ? nil : value
  }

  /// The value of a key that must be present; reports it missing otherwise.
  func required(_ key: String) -> YAMLValue? {
    guard let value = value(key) else {
      sink.error("\(what) is missing the required key '\(key)'", at: location)
      return nil
    }
    return value
  }

  func string(_ key: String, required: Bool = true) -> String? {
    (required ? self.required(key) : value(key))?.string("'\(key)'")
  }

  func number(_ key: String, in range: ClosedRange<Double>, required: Bool = false) -> Double? {
    (required ? self.required(key) : value(key))?.number("'\(key)'", in: range)
  }

  func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
    (required ? self.required(key) : value(key))?.integer("'\(key)'", in: range)
  }

  func boolean(_ key: String) -> Bool? {
    value(key)?.boolean("'\(key)'")
  }

  func strings(_ key: String) -> [(String, SourceLocation)] {
    value(key)?.strings("'\(key)'") ?? []
  }

  func sequence(_ key: String, required: Bool = false) -> [YAMLValue] {
    (required ? self.required(key) : value(key))?.sequence("'\(key)'") ?? []
  }

  /// A mapping of ids to numbers (option weights), each key with its location.
  func weights(_ key: String) -> [(String, Double, SourceLocation)] {
    guard let map = value(key)?.mapping("'\(key)'") else { return [] }
    return map.entries.compactMap { entry in
      guard let number = entry.value.number("weight '\(entry.key)'", in: PackRanges.weight) else { return nil }
      return (entry.key, number, entry.keyLocation)
    }
  }

  /// Reports every key that the format does not know, with the nearest known key.
  func rejectUnknownKeys(allowed: Set<String>) {
    for entry in entries where !allowed.contains(entry.key) {
      var message = "unknown key '\(entry.key)' in \(what)"
      if let near = EditDistance.suggestion(for: entry.key, among: allowed.sorted()) {
        message += " (did you mean '\(near)'?)"
      }
      sink.error(message, at: entry.keyLocation)
    }
  }
}

/// Parses a file's text into a root value, turning Yams' errors into diagnostics.
enum YAMLDocument {
  /// The parsed tree of a file's text, or the parser's error.
  ///
  /// Scalars are left untagged (`Resolver.basic`): the readers interpret them by the key they
  /// belong to, and skipping Yams' regular-expression tag resolution halves the load time.
  static func compose(_ text: String) -> Result<Node?, any Error> {
    if let problem = YAMLKeyCheck.check(text) { return .failure(problem) }
    return Result { try Yams.compose(yaml: text, .basic) }
  }

  static func parse(_ text: String, file: String, sink: DiagnosticSink) -> YAMLValue? {
    value(of: compose(text), file: file, sink: sink)
  }

  /// The root value of a composed file, turning Yams' errors into diagnostics.
  static func value(of composed: Result<Node?, any Error>, file: String, sink: DiagnosticSink) -> YAMLValue? {
    switch composed {
    case .success(let node?):
      return YAMLValue(node: node, file: file, sink: sink)
    case .success(nil):
      sink.error("the file is empty", at: SourceLocation(file: file))
      return nil
    case .failure(let problem as YAMLKeyCheck.Problem):
      sink.error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
      return nil
    case .failure(let error as YamlError):
      sink.error(describe(error), at: location(of: error, file: file))
      return nil
    case .failure(let error):
      sink.error("not valid YAML: \(error)", at: SourceLocation(file: file))
      return nil
    }
  }

  private static func location(of error: YamlError, file: String) -> SourceLocation {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return SourceLocation(file: file, line: mark.line, column: mark.column)
    case .duplicatedKeysInMapping(_, let context):
      return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
    default:
      return SourceLocation(file: file)
    }
  }

  private static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      let prefix = context.map { "\($0.text): " } ?? ""
      return "not valid YAML: \(prefix)\(problem)"
    case .duplicatedKeysInMapping(let duplicates, _):
      return "duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping"
    default:
      return "not valid YAML: \(error)"
    }
  }
}
