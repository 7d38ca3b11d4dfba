import Foundation

/// One file of a content pack: its path inside the pack, how to name it in messages, its text.
public struct PackFile: Sendable, Hashable {
  /// The path relative to the pack folder, with `/` separators (`questions/tools.yaml`).
  public var path: String
  /// The path as shown in messages (`content/questions/tools.yaml`).
  public var displayPath: String
  public var text: String

  public init(path: String, displayPath: String, text: String) {
    self.path = path
    self.displayPath = displayPath
    self.text = text
  }

  /// Reads every YAML file of a pack folder, skipping hidden files and `examples/`.
  ///
  /// - Throws: `ContentError.packNotFound` when the folder does not exist or has no
  ///   `pack.yaml`, and `ContentError.unreadable` when a file cannot be read as UTF-8.
  public static func files(inDirectory directory: URL, displayRoot: String? = nil) throws -> [PackFile] {
    var isDirectory: ObjCBool = false
    let root = directory.standardizedFileURL
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
      FileManager.default.fileExists(atPath: root.appendingPathComponent("pack.yaml").path)
    else {
      throw ContentError.packNotFound(looked: [root.path])
    }
    let display = displayRoot ?? directory.relativePath
    guard
      let enumerator = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { throw ContentError.packNotFound(looked: [root.path]) }
    var files: [PackFile] = []
    for case let url as URL in enumerator {
      if url.lastPathComponent == "examples" {
        enumerator.skipDescendants()
        continue
      }
      guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
      let full = url.standardizedFileURL.path
      let relative = String(full.dropFirst(root.path.count + 1))
      let shown = display + "/" + relative
      files.append(PackFile(path: relative, displayPath: shown, text: try text(of: full, shownAs: shown)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// A pack file's text; what the path is, when it is not a readable file of UTF-8 text, is
  /// named: a folder or a symbolic-link loop (`unreadable`, 66), binary data (`invalid`, 65).
  private static func text(of path: String, shownAs shown: String) throws -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno == ELOOP ? "a loop of symbolic links" : String(cString: strerror(errno))
      throw ContentError.unreadable(path: path, reason: reason)
    }
    if info.st_mode & S_IFMT == S_IFDIR { throw ContentError.unreadable(path: path, reason: "a folder, not a file") }
    if info.st_mode & S_IFMT != S_IFREG { throw ContentError.unreadable(path: path, reason: "not a regular file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ContentError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ContentError.invalid([
        Diagnostic(.error, "not UTF-8 text (a binary file?)", at: SourceLocation(file: shown), rule: "schema")
      ])
    }
    return text
  }
}
