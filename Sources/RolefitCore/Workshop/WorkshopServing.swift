import Foundation

/// Serves a running workshop to the participants' own devices; the web target implements it, so
/// the terminal can offer `serve` without knowing HTTP.
public protocol WorkshopServing: AnyObject, Sendable {
  /// Starts serving the engine's workshop and returns the join link; a second call returns the
  /// link of the server already running.
  func start(_ engine: WorkshopEngine) throws -> String
  /// Stops serving; pages still open stop updating.
  func stop()
}
