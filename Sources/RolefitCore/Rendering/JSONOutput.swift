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

  /// A compact JSON document reformatted like `encode`'s output (pretty, sorted keys).
  static func prettify(_ line: String) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return line }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A share or confidence rounded to 4 decimals, so output is stable and readable.
  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
