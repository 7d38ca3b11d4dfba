import Foundation

/// Any JSON value, decoded without Foundation's untyped objects.
indirect enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
}

/// A validator for the part of JSON Schema (draft 2020-12) that `docs/schema/` uses.
///
/// The keywords: `type`, `const`, `enum`, `properties`, `required`, `additionalProperties`, `items`, `minimum`,
/// `maximum` and local `$ref`s into `$defs`. Any other keyword is reported as an error, so a
/// schema cannot rely on something this validator would silently skip.
struct JSONSchema {
  let root: JSONValue

  static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
  static let keywords: Set<String> = [
    "type", "const", "enum", "properties", "required", "additionalProperties", "items", "minimum", "maximum", "$ref",
  ]

  init(file: URL) throws { root = try JSONValue.parse(String(contentsOf: file, encoding: .utf8)) }

  /// Every way `value` breaks the schema, each with its JSON path; empty when it conforms.
  func errors(_ value: JSONValue) -> [String] {
    var errors: [String] = []
    check(value, against: root, at: "$", into: &errors)
    return errors
  }

  private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
    guard let schema = schema.object else {
      errors.append("\(path): schema is not an object")
      return
    }
    for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
      errors.append("\(path): unsupported schema keyword \(key)")
    }
    if case .string(let reference)? = schema["$ref"] {
      guard reference.hasPrefix("#/$defs/"), let target = root.object?["$defs"]?.object?[String(reference.dropFirst(8))]
      else {
        errors.append("\(path): unresolved $ref \(reference)")
        return
      }
      check(value, against: target, at: path, into: &errors)
    }
    if let type = schema["type"] {
      let allowed: [String]
      switch type {
      case .string(let one): allowed = [one]
      case .array(let many): allowed = many.compactMap { if case .string(let name) = $0 { name } else { nil } }
      default: allowed = []
      }
      if !allowed.contains(where: { Self.matches(value, type: $0) }) {
        errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
        return
      }
    }
    if let constant = schema["const"], constant != value { errors.append("\(path): must be \(constant)") }
    if case .array(let choices)? = schema["enum"], !choices.contains(value) {
      errors.append("\(path): \(Self.describe(value)) is not one of the allowed values")
    }
    if case .number(let value) = value {
      if case .number(let minimum)? = schema["minimum"], value < minimum {
        errors.append("\(path): \(value) is below \(minimum)")
      }
      if case .number(let maximum)? = schema["maximum"], value > maximum {
        errors.append("\(path): \(value) is above \(maximum)")
      }
    }
    if case .array(let items) = value, let itemSchema = schema["items"] {
      for (index, item) in items.enumerated() {
        check(item, against: itemSchema, at: "\(path)[\(index)]", into: &errors)
      }
    }
    guard case .object(let members) = value else { return }
    if case .array(let required)? = schema["required"] {
      for case .string(let key) in required where members[key] == nil { errors.append("\(path): missing \(key)") }
    }
    let properties = schema["properties"]?.object ?? [:]
    for (key, member) in members.sorted(by: { $0.key < $1.key }) {
      if let property = properties[key] {
        check(member, against: property, at: "\(path).\(key)", into: &errors)
      } else if let additional = schema["additionalProperties"] {
        if additional == .bool(false) {
          errors.append("\(path): unexpected key \(key)")
        } else if additional != .bool(true) {
          check(member, against: additional, at: "\(path).\(key)", into: &errors)
        }
      }
    }
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      return true
    case ("integer", .number(let number)): return number.rounded() == number
    default: return false
    }
  }

  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let value): return "\(value)"
    case .number(let value): return "\(value)"
    case .string(let value): return "\"\(value.prefix(40))\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
