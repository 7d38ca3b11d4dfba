internal import CYaml

/// Refuses YAML whose mapping keys are not plain scalars, before Yams builds the tree.
///
/// Yams checks a mapping for duplicate keys by hashing each key node whole. An alias used as a
/// key, whose anchor holds mappings keyed by aliases in turn, is hashed once per path through
/// the shared nodes: a 440-byte file takes minutes. No rolefit file has a key that is not text,
/// so one pass over libyaml's events (linear in the file) refuses such keys, with their position.
enum YAMLKeyCheck {
  /// A key that is an alias, a list or a mapping, where the file needs text.
  struct Problem: Error {
    let line: Int
    let column: Int
    let message: String
  }

  /// Whether every mapping key in `text` is a scalar; the first offending key otherwise.
  ///
  /// Syntax errors are left for Yams to report with its own wording.
  static func check(_ text: String) -> Problem? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      // For each open collection: nil for a sequence, or whether a mapping's next node is a key.
      var expectingKey: [Bool?] = []
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        let type = event.type
        if type == YAML_STREAM_END_EVENT { return nil }
        let isNode =
          type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT || type == YAML_SEQUENCE_START_EVENT
          || type == YAML_MAPPING_START_EVENT
        if isNode, let last = expectingKey.last, let key = last {
          if key && type != YAML_SCALAR_EVENT {
            let what = type == YAML_ALIAS_EVENT ? "an alias (*name)" : "a list or a mapping"
            return Problem(
              line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
              message: "a mapping key must be text, not \(what)")
          }
          expectingKey[expectingKey.count - 1] = !key
        }
        switch type {
        case YAML_SEQUENCE_START_EVENT: expectingKey.append(Bool?.none)
        case YAML_MAPPING_START_EVENT: expectingKey.append(true)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: expectingKey.removeLast()
        default: break
        }
      }
    }
  }
}
