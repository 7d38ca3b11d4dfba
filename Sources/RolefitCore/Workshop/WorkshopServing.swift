import Foundation

/// Serves a running workshop to the participants' own devices; the web target implements it, so
/// the terminal can offer `serve` without knowing HTTP.
public protocol WorkshopServing: AnyObject, Sendable {
  /// Starts serving the engine's workshop and returns the join link; a second call returns the
  /// link of the server already running.
  ///
  /// - Parameters:
  ///   - engine: The workshop to serve.
  ///   - address: `ADDR` or `ADDR:PORT` to listen on instead of the configured one.
  /// - Returns: The join link, with the workshop's token.
  /// - Throws: When the address is malformed or cannot be listened on.
  func start(_ engine: WorkshopEngine, address: String?) throws -> String
  /// Stops serving; pages still open stop updating.
  func stop()
}
