import ArgumentParser
import Foundation
import RolefitStore
import RolefitTerminal

/// `--db PATH`: where sessions, postings and workshops are kept, for commands that need them.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The database file (also ROLEFIT_DB; default $XDG_DATA_HOME/rolefit/rolefit.sqlite).", valueName: "path"))
  var path: String?

  /// The database path in force, if any.
  var resolvedPath: String? {
    if let path { return path }
    return Store.defaultPath(environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the store for a command that cannot work without it.
  func open() throws -> Store {
    guard let path = resolvedPath else {
      throw CLIError.missingInput("no database path: set HOME, XDG_DATA_HOME or ROLEFIT_DB, or pass --db")
    }
    do {
      return try Store(path: path)
    } catch {
      throw CLIError.store(error)
    }
  }

  /// Opens the store for a command that only reads it (list, show, export, history): a
  /// database this user cannot write, or on a full or failing disk, is still read if it can be.
  func openForReading() throws -> Store {
    do {
      return try open()
    } catch CLIError.store(let first) where first.preventsWriting {
      guard let path = resolvedPath else { throw CLIError.missingInput("no database path") }
      do {
        return try Store(readingOnly: path)
      } catch {
        // Reading failed too: a new reason (damage, say) is told; else the first one.
        throw CLIError.store(error.preventsWriting ? first : error)
      }
    }
  }
}

/// The database options of commands that can also run keeping nothing.
///
/// `--db PATH` and `--no-save`, for the interactive session and the assessment. Commands that
/// only read or manage what is kept (`sessions`, `history`, `workshop`, `jd --save`) take
/// `DatabaseOptions` and do not offer `--no-save`.
struct StoreOptions: ParsableArguments {
  @OptionGroup var database: DatabaseOptions

  @Flag(name: .customLong("no-save"), help: "Keep nothing: no database is opened or created (kiosks, demos).")
  var noSave = false

  /// Opens the store for an interactive session: a damaged, foreign, newer or unsafe database
  /// stops the program (it would be wrong to ignore it silently); a read-only or full disk lets
  /// the session go on in memory with a warning.
  func openForSession() throws -> Store? {
    guard !noSave, let path = database.resolvedPath else { return nil }
    do {
      return try Store(path: path)
    } catch {
      switch error {
      case .readOnly, .cannotCreate, .unavailable:
        Console.standardError.line("rolefit: \(error) Your answers are not being saved this session.")
        return nil
      default:
        throw CLIError.store(error)
      }
    }
  }
}
