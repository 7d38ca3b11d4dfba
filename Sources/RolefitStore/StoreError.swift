import Foundation
internal import GRDB

/// Why the store could not open its database or save to it.
///
/// Every message names the file and says what to do; the caller shows it and goes on in
/// memory. Nothing in the store deletes or overwrites a database file it cannot use.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is not SQLite, or is damaged; it was left untouched.
  case notADatabase(path: String)
  /// The file is an SQLite database of another program; it was left untouched.
  case foreignDatabase(path: String)
  /// Rows whose values no longer match the checksums rolefit wrote with them: changed outside
  /// rolefit, or damaged on disk. `table` is the first such table; `rows` counts them all.
  case changedRows(path: String, table: String, rows: Int)
  /// The database was written by a newer rolefit, whose schema this build does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The file or its folder can be written by other users; `fix` is the command that fixes it.
  case insecurePermissions(path: String, mode: String, fix: String)
  /// The file or its folder cannot be written (permissions, or a read-only disk).
  case readOnly(path: String)
  /// The file or its folder could not be created.
  case cannotCreate(path: String, reason: String)
  /// A session, workshop or participant that is not in the database.
  case notFound(path: String, what: String)
  /// A workshop with that name (compared case-insensitively) already exists.
  case workshopExists(path: String, name: String)
  /// A saved workshop follows an agenda the content pack in use does not have.
  case missingAgenda(path: String, workshop: String, agenda: String, pack: String)
  /// Anything else, such as a full disk, with a one-line reason.
  case unavailable(path: String, reason: String)

  /// Whether the file could not be written (read-only, a full or failing disk, busy), so that
  /// a command that only reads may still open it read-only.
  public var preventsWriting: Bool {
    switch self {
    case .readOnly, .unavailable: return true
    default: return false
    }
  }

  /// The database file the error is about.
  public var path: String {
    switch self {
    case .notADatabase(let path), .foreignDatabase(let path), .readOnly(let path):
      return path
    case .newerSchema(let path, _, _), .insecurePermissions(let path, _, _), .cannotCreate(let path, _),
      .notFound(let path, _), .workshopExists(let path, _), .missingAgenda(let path, _, _, _),
      .unavailable(let path, _), .changedRows(let path, _, _):
      return path
    }
  }

  /// The message users see: one line, naming the file and the way out.
  public var description: String {
    switch self {
    case .notADatabase(let path):
      return
        "\(path) is not a rolefit database (not SQLite, or damaged). It was left untouched; `rolefit sessions repair` moves it aside and starts a new one, or use --no-save."
    case .changedRows(let path, let table, let rows):
      return
        "\(path) is damaged: \(rows == 1 ? "a row" : "\(rows) rows") (first in its \(table) table) no longer \(rows == 1 ? "matches its" : "match their") checksum, so something changed it outside rolefit. It was left untouched; `rolefit sessions repair` moves it aside and starts a new one, or use --no-save."
    case .foreignDatabase(let path):
      return
        "\(path) is an SQLite database of another program. It was left untouched; use --db for another file, or --no-save."
    case .newerSchema(let path, let found, let supported):
      return
        "\(path) was written by a newer rolefit (schema \(found); this rolefit knows up to \(supported)). Upgrade rolefit, or use --db for another file."
    case .insecurePermissions(let path, let mode, let fix):
      return "\(path) can be written by other users (\(mode)), so rolefit will not use it. Fix it with: \(fix)"
    case .readOnly(let path):
      return "\(path) cannot be written (read-only file, folder or disk). Use --db for another file, or --no-save."
    case .cannotCreate(let path, let reason):
      return "cannot create \(path): \(reason). Use --db for another file, or --no-save."
    case .notFound(let path, let what):
      return "\(path) has no \(what)."
    case .workshopExists(let path, let name):
      return "a workshop named '\(name)' already exists in \(path); choose another name."
    case .missingAgenda(let path, let workshop, let agenda, let pack):
      return
        "workshop '\(workshop)' in \(path) follows agenda '\(agenda)', which content pack \(pack) does not have; use the pack it was started with (--content)."
    case .unavailable(let path, let reason):
      return "cannot use \(path): \(reason)."
    }
  }

  /// Turns whatever a database operation threw into a `StoreError` about `path`.
  static func wrapping(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .unavailable(path: path, reason: String(describing: error))
    }
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return .notADatabase(path: path)
    case .SQLITE_READONLY, .SQLITE_PERM:
      return .readOnly(path: path)
    case .SQLITE_FULL:
      return .unavailable(path: path, reason: "the disk is full")
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return .unavailable(
        path: path,
        reason: "another rolefit kept it busy for more than \(Int(Store.busyTimeout)) seconds; try again")
    case .SQLITE_IOERR:
      return .unavailable(path: path, reason: "a disk error (\(error.message ?? "input/output error"))")
    case .SQLITE_CANTOPEN:
      return .unavailable(path: path, reason: "the file cannot be opened")
    default:
      return .unavailable(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }
  }
}
