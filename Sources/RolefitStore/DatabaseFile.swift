import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The database file on disk, before SQLite opens it: its folder, its permissions, its sidecars.
///
/// Existing files are only looked at (`stat`, `access`) or renamed, never opened: closing any
/// descriptor of a file that SQLite has open in this process would drop SQLite's POSIX locks
/// on it. The one file opened here is a database this type has just created.
struct DatabaseFile: Sendable {
  /// The files SQLite keeps next to a database, by suffix.
  static let sidecarSuffixes = ["-wal", "-shm", "-journal"]

  /// The database's path as the user gave it.
  let path: String

  /// The folder that holds the database.
  var folder: String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// What `prepare()` found.
  enum State: Equatable {
    /// The file was just created, empty, with mode 0600.
    case created
    /// The file exists and is empty, and so is its -wal: SQLite treats it as a new database.
    case empty
    /// The file exists and holds data that must be checked before it is written.
    case existing
  }

  /// Makes the file ready for SQLite: creates it (0600, in a 0700 folder) or checks the one there.
  ///
  /// - Throws: `StoreError.insecurePermissions` when other users can write the file, a sidecar
  ///   or the folder; `.readOnly` when this user cannot; `.cannotCreate` when the file or
  ///   folder cannot be made.
  func prepare() throws(StoreError) -> State {
    if let info = Self.status(path) {
      return try checkExisting(info)
    }
    let error = errno
    // ENOTDIR: something on the way is a file; makeFolder finds it and says which.
    guard error == ENOENT || error == ENOTDIR else {
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
    try makeFolder(folder)
    try Self.checkSafe(folder, isFolder: true)
    let descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let error = errno
      // Another rolefit created it first: use theirs.
      if error == EEXIST, let info = Self.status(path) { return try checkExisting(info) }
      throw Self.creationError(path, errno: error)
    }
    // The umask may have taken bits away from 0600; never added any, but set it exactly.
    _ = fchmod(descriptor, 0o600)
    _ = close(descriptor)
    return .created
  }

  /// Checks an existing file, its sidecars and its folder.
  private func checkExisting(_ info: stat) throws(StoreError) -> State {
    guard Self.isRegularFile(info) else {
      throw .unavailable(path: path, reason: "it is not a regular file")
    }
    try Self.checkSafe(folder, isFolder: true)
    try Self.checkSafe(path, isFolder: false)
    for suffix in Self.sidecarSuffixes where Self.status(path + suffix) != nil {
      try Self.checkSafe(path + suffix, isFolder: false)
    }
    guard access(path, R_OK) == 0 else {
      throw .unavailable(path: path, reason: "it cannot be read (\(Self.reason(errno)))")
    }
    // SQLite must write the file, and create its -wal and -shm files next to it.
    guard access(path, W_OK) == 0 else { throw .readOnly(path: path) }
    guard access(folder, W_OK) == 0 else { throw .readOnly(path: folder) }
    // A new database in WAL mode may have all its pages in the -wal file still.
    let walSize = Self.status(path + "-wal")?.st_size ?? 0
    return info.st_size == 0 && walSize == 0 ? .empty : .existing
  }

  /// Creates a folder and any missing parents, each with mode 0700.
  private func makeFolder(_ folder: String) throws(StoreError) {
    if let info = Self.status(folder) {
      guard Self.isDirectory(info) else {
        throw .cannotCreate(path: path, reason: "\(folder) is not a folder")
      }
      return
    }
    let error = errno
    guard error == ENOENT || error == ENOTDIR else { throw .cannotCreate(path: path, reason: Self.reason(error)) }
    let parent = (folder as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != folder { try makeFolder(parent) }
    guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
      throw Self.creationError(folder, errno: errno)
    }
    // mkdir applies the umask; a folder rolefit made is 0700 whatever the umask.
    _ = chmod(folder, 0o700)
  }

  /// Refuses a file or folder that someone other than this user (or root) can write.
  ///
  /// A sticky folder owned by root, such as `/tmp`, is accepted: others cannot replace files
  /// in it, and the database and its sidecars are checked one by one.
  static func checkSafe(_ path: String, isFolder: Bool) throws(StoreError) {
    guard let info = status(path) else { return }
    let mode = UInt32(info.st_mode) & 0o7777
    let trustedOwner = info.st_uid == geteuid() || info.st_uid == 0
    let sticky = mode & 0o1000 != 0
    if mode & 0o022 != 0 && !(isFolder && sticky && info.st_uid == 0) {
      throw .insecurePermissions(
        path: path, mode: "mode " + octal(mode),
        fix: (isFolder ? "chmod go-w " : "chmod 600 ") + shellQuoted(path))
    }
    if !trustedOwner {
      throw .insecurePermissions(
        path: path, mode: "owned by another user", fix: "chown \"$(id -un)\" " + shellQuoted(path))
    }
  }

  /// Moves a database and its sidecars aside, next to it, under a name that is not taken.
  ///
  /// - Returns: the new path of the database file.
  func moveAside(stamp: String) throws(StoreError) -> String {
    var target = "\(path).corrupt-\(stamp)"
    var attempt = 1
    while ([""] + Self.sidecarSuffixes).contains(where: { Self.status(target + $0) != nil }) {
      attempt += 1
      target = "\(path).corrupt-\(stamp)-\(attempt)"
    }
    for suffix in [""] + Self.sidecarSuffixes where Self.status(path + suffix) != nil {
      guard rename(path + suffix, target + suffix) == 0 else {
        throw .unavailable(path: path, reason: "cannot move it aside: \(Self.reason(errno))")
      }
    }
    return target
  }

  // MARK: - Helpers

  /// The file's status, following symbolic links, or `nil` with `errno` set.
  static func status(_ path: String) -> stat? {
    var info = stat()
    return stat(path, &info) == 0 ? info : nil
  }

  /// The permission bits of a file, or `nil` when it does not exist.
  static func permissions(_ path: String) -> UInt32? {
    status(path).map { UInt32($0.st_mode) & 0o7777 }
  }

  static func isDirectory(_ info: stat) -> Bool { UInt32(info.st_mode) & 0o170000 == 0o040000 }

  static func isRegularFile(_ info: stat) -> Bool { UInt32(info.st_mode) & 0o170000 == 0o100000 }

  /// Permission bits as `ls -l`'s numbers: `0600`.
  static func octal(_ mode: UInt32) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// A path as it can be pasted into a shell.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+~,:@".contains($0)) }
    return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The system's reason for an `errno`, in lower case to fit in a sentence.
  static func reason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
  }

  /// The error for a file or folder that could not be created.
  private static func creationError(_ path: String, errno code: Int32) -> StoreError {
    switch code {
    case EROFS: return .readOnly(path: path)
    case ENOSPC: return .cannotCreate(path: path, reason: "the disk is full")
    default: return .cannotCreate(path: path, reason: reason(code))
    }
  }
}
