import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file only where the user said, the way they would expect.
///
/// A new path or a regular file is written atomically (a temporary file in the same folder,
/// renamed over it) keeping the existing file's mode; a symbolic link is followed, never
/// replaced; a FIFO or a character device (`/dev/stdout`, `/dev/full`) is written through, so
/// its errors are reported; a folder, a socket or a block device is refused.
public enum OutputFile {
  /// Why an output file was not written; the wording names the path.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be created there (sysexits 73).
    case cannotCreate(path: String, reason: String)
    /// Writing failed part way, such as a full disk (sysexits 74).
    case ioError(path: String, reason: String)

    public var description: String {
      switch self {
      case .cannotCreate(let path, let reason): return "\(path): cannot create: \(reason)"
      case .ioError(let path, let reason): return "\(path): cannot write: \(reason)"
      }
    }

    /// The sysexits status for the failure.
    public var exitCode: Int32 {
      switch self {
      case .cannotCreate: return 73
      case .ioError: return 74
      }
    }
  }

  /// Writes a rendering to `path`: JSON as it is (it escapes its own control characters), any
  /// other format with them made visible (`ControlCharacters`).
  public static func write(_ text: String, to path: String, json: Bool) throws(Failure) {
    try write(json ? text : ControlCharacters.visible(text), to: path)
  }

  /// Writes `text` to `path` as described on the type.
  public static func write(_ text: String, to path: String) throws(Failure) {
    var info = stat()
    if lstat(path, &info) != 0 {
      guard errno == ENOENT else { throw .cannotCreate(path: path, reason: reason()) }
      try replace(path, with: text, mode: nil, shownAs: path)
      return
    }
    if info.st_mode & S_IFMT == S_IFLNK {
      // Follow the link to what it names; the link itself stays.
      guard let target = realpath(path, nil) else {
        throw .cannotCreate(path: path, reason: "a symbolic link to a missing or unreachable file")
      }
      defer { free(target) }
      let resolved = String(cString: target)
      guard stat(resolved, &info) == 0 else { throw .cannotCreate(path: path, reason: reason()) }
      try write(text, to: resolved, kind: info, shownAs: path)
      return
    }
    try write(text, to: path, kind: info, shownAs: path)
  }

  private static func write(_ text: String, to path: String, kind info: stat, shownAs shown: String) throws(Failure) {
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      try replace(path, with: text, mode: info.st_mode & 0o7777, shownAs: shown)
    case S_IFIFO, S_IFCHR:
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw .cannotCreate(path: shown, reason: reason()) }
      defer { close(descriptor) }
      try writeAll(text, to: descriptor, shownAs: shown)
    case S_IFDIR:
      throw .cannotCreate(path: shown, reason: "it is a folder; give a file name")
    default:
      throw .cannotCreate(path: shown, reason: "it is not a regular file, a FIFO or a character device")
    }
  }

  /// Writes a temporary file beside `path` and renames it over `path`: readers see the old
  /// file or the new one, never half of it.
  private static func replace(_ path: String, with text: String, mode: mode_t?, shownAs shown: String) throws(Failure) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    // mkstemp replaces the template's six trailing X with a unique suffix.
    let unique = String(repeating: "X", count: 6)
    var template = Array((folder + "/." + url.lastPathComponent + "." + unique).utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { throw .cannotCreate(path: shown, reason: reason()) }
    let temporary = String(cString: template)
    var done = false
    defer {
      if !done { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      // mkstemp creates 0600; a new file gets the usual 0666 less the umask, an old one its mode.
      let umaskNow = umask(0)
      umask(umaskNow)
      guard fchmod(descriptor, mode ?? (0o666 & ~umaskNow)) == 0 else {
        throw Failure.ioError(path: shown, reason: reason())
      }
      try writeAll(text, to: descriptor, shownAs: shown)
      guard fsync(descriptor) == 0 else { throw Failure.ioError(path: shown, reason: reason()) }
    }
    guard rename(temporary, path) == 0 else { throw .cannotCreate(path: shown, reason: reason()) }
    done = true
  }

  private static func writeAll(_ text: String, to descriptor: Int32, shownAs shown: String) throws(Failure) {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + written, buffer.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw .ioError(path: shown, reason: reason()) }
      written += count
    }
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}
