import Foundation

/// Stable, readable JSON for scripts: sorted keys, pretty printed, no escaped slashes.
public enum JSONOutput {
  public static func encode(_ value: some Encodable, pretty: Bool = true) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + (pretty ? "\n" : "")
  }

  /// A compact JSON document (no space outside strings, as `JSONLineWriter` writes it)
  /// reformatted like `encode`'s output: two-space indents and `"key" : value`.
  ///
  /// Re-indents the bytes in one pass without building a tree, so a document of a 60 MB
  /// posting takes about twice its size, not the 30 times a parsed object graph took.
  static func prettify(_ line: String) -> String {
    let input = Array(line.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count + input.count / 4)
    var depth = 0
    var inString = false
    var escaped = false
    func newline() {
      out.append(0x0A)
      out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
    var index = 0
    while index < input.count {
      let byte = input[index]
      index += 1
      if inString {
        out.append(byte)
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        }
        continue
      }
      switch byte {
      case 0x22:
        inString = true
        out.append(byte)
      case 0x7B, 0x5B:
        out.append(byte)
        if index < input.count, input[index] == byte + 2 {
          // An empty object or array stays on one line.
          out.append(input[index])
          index += 1
        } else {
          depth += 1
          newline()
        }
      case 0x7D, 0x5D:
        depth -= 1
        newline()
        out.append(byte)
      case 0x2C:
        out.append(byte)
        newline()
      case 0x3A:
        out.append(contentsOf: [0x20, 0x3A, 0x20])
      case 0x0A, 0x0D, 0x20, 0x09:
        break
      default:
        out.append(byte)
      }
    }
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  /// A share or confidence rounded to 4 decimals, so output is stable and readable.
  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
