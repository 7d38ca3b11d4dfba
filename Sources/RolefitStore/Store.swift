import Foundation
internal import GRDB

/// Everything rolefit keeps between runs, in one SQLite database file.
///
/// Assessment sessions with every answer as it is given, analysed postings, and workshops with
/// their rosters, votes and notes. The file is opened in WAL mode with a busy timeout, so two
/// rolefit processes can write to it at once; its schema is migrated with GRDB's migrator.
///
/// Opening refuses, with a `StoreError` that says what to do, a file that other users can
/// write, a file that is not a rolefit database or is damaged (which is left untouched), and a
/// database written by a newer rolefit. Every method is one transaction and throws `StoreError`.
public final class Store: Sendable {
  /// The schema version this rolefit reads and writes: the number of migrations it knows.
  public static let schemaVersion = Schema.steps.count

  /// How long a write waits for another rolefit process to finish its own, in seconds.
  public static let busyTimeout: TimeInterval = 5

  /// The database file.
  public let path: String

  /// The connections: one writer and a few readers, or one read-only connection.
  let pool: any DatabaseWriter

  /// The clock that stamps sessions, answers and votes.
  let now: @Sendable () -> Date

  /// Opens the database at `path`, creating it and its folder when they do not exist.
  ///
  /// A new folder is created with mode 0700 and a new file with 0600. An existing file is
  /// first inspected through a read-only connection, so a file that is not a rolefit database,
  /// or a database from a newer rolefit, is refused before anything could write to it.
  ///
  /// - Parameters:
  ///   - path: The database file, usually `Store.defaultPath(environment:)`.
  ///   - now: The clock; tests pass a fixed one.
  /// - Throws: `StoreError`, whose description is the message to show.
  public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
    self.path = path
    self.now = now
    let file = DatabaseFile(path: path)
    if try file.prepare() == .existing {
      try Schema.inspect(path: path)
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "rolefit"
    Self.registerFunctions(in: &configuration)
    configuration.maximumReaderCount = 2
    do {
      let opened = try Self.openPool(path: path, configuration: configuration)
      // GRDB's WAL set-up picks NORMAL, which may lose the last answers on a power cut;
      // an answer is a transaction a person waited for, so pay for the fsync.
      try opened.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
      try Self.migrate(opened)
      pool = opened
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// Opens an existing database that this user cannot write (a read-only file, folder or disk),
  /// for listing, showing and exporting: it is checked like any other, and every write throws
  /// `StoreError.readOnly`.
  ///
  /// - Throws: `.notFound` when there is no file; otherwise as `init(path:now:)`.
  public init(readingOnly path: String) throws(StoreError) {
    self.path = path
    self.now = { Date() }
    guard let info = DatabaseFile.status(path), DatabaseFile.isRegularFile(info) else {
      throw .notFound(path: path, what: "database")
    }
    try Schema.inspect(path: path)
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "rolefit.read-only"
    Self.registerFunctions(in: &configuration)
    do {
      pool = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// Adds the SQL functions the schema's triggers call to every connection `configuration` opens.
  static func registerFunctions(in configuration: inout Configuration) {
    configuration.prepareDatabase { db in db.add(function: RowChecksums.function) }
  }

  /// Opens the connections, waiting out another process that is turning a new file to WAL.
  ///
  /// SQLite answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at once, without calling the
  /// busy handler, while another connection switches the same new file; so the first open of a
  /// new file by two rolefit processes needs its own retry, within the same busy timeout.
  private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(busyTimeout)
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
        Thread.sleep(forTimeInterval: .random(in: 0.005...0.025))
      }
    }
  }

  /// Brings the schema up to `schemaVersion`.
  ///
  /// GRDB's migrator reads which migrations ran before it takes the write lock, and runs each
  /// in a transaction of its own, so two rolefit processes creating the same file at the same
  /// moment may both try `v1`: the second fails on an existing table, perhaps while the first
  /// is still between `v1` and `v2`. After such a failure the migrations are read again and
  /// the rest run; it is a failure only when no other process got further either.
  private static func migrate(_ pool: DatabasePool) throws {
    let migrator = Schema.migrator
    var applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
    while true {
      do {
        try migrator.migrate(pool)
        return
      } catch {
        let now = try pool.read { db in try migrator.appliedIdentifiers(db) }
        if try pool.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
        guard now.count > applied.count else { throw error }
        applied = now
        Thread.sleep(forTimeInterval: .random(in: 0.005...0.025))
      }
    }
  }

  /// Where the database is when no `--db` is given.
  ///
  /// `ROLEFIT_DB` when set, else `$XDG_DATA_HOME/rolefit/rolefit.sqlite` (when it is an absolute
  /// path, as the XDG specification asks), else `~/.local/share/rolefit/rolefit.sqlite`.
  ///
  /// - Parameter environment: The process environment, such as `ProcessInfo.processInfo.environment`.
  /// - Returns: The path, or `nil` when there is neither `ROLEFIT_DB`, `XDG_DATA_HOME` nor `HOME`.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let path = environment["ROLEFIT_DB"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return (data as NSString).appendingPathComponent("rolefit/rolefit.sqlite")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return (home as NSString).appendingPathComponent(".local/share/rolefit/rolefit.sqlite")
    }
    return nil
  }

  /// Moves a damaged database aside so a new one can be started, and never deletes anything.
  ///
  /// The file and its `-wal`, `-shm` and `-journal` files are renamed in their folder to
  /// `NAME.corrupt-YYYYMMDDTHHMMSS` (local time) plus their suffix. A database that opens
  /// fine is not moved.
  ///
  /// - Parameters:
  ///   - path: The database file.
  ///   - now: The time to stamp the new name with.
  /// - Returns: The new path of the damaged file, or `nil` when there was nothing to repair
  ///   (no file, or a healthy one).
  /// - Throws: `StoreError.foreignDatabase` or `.newerSchema` for a file that is not damaged
  ///   but must not be moved either, `.unavailable` when it cannot be moved.
  public static func repair(path: String, now: Date = Date()) throws(StoreError) -> String? {
    guard let info = DatabaseFile.status(path), DatabaseFile.isRegularFile(info), info.st_size > 0 else {
      return nil
    }
    do throws(StoreError) {
      try Schema.inspect(path: path)
      return nil
    } catch .notADatabase, .changedRows {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = "yyyyMMdd'T'HHmmss"
      return try DatabaseFile(path: path).moveAside(stamp: formatter.string(from: now))
    }
  }

  // MARK: - Transactions

  /// Runs `body` in one write transaction, turning any failure into a `StoreError`.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// Runs `body` on a consistent snapshot of the database.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try pool.read(body)
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }
}
