import Foundation

/// Reads an `application/x-www-form-urlencoded` body: `name=Ana+Maria&option=b`.
enum FormBody {
  /// The fields, by name; a name given twice keeps its first value.
  static func parse(_ body: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = decode(parts[0]), fields[name] == nil else { continue }
      fields[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
    }
    return fields
  }

  /// `+` as a space, then percent-decoding; `nil` for malformed escapes or bytes that are not UTF-8.
  static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
