/// What the participants' server accepts: small requests, short names, a few requests a second.
///
/// A room network is shared with strangers; these bound what one device can cost the others.
public struct WebLimits: Sendable, Equatable {
  /// The largest request body read, in bytes: a join or a vote is a few dozen.
  public var bodyBytes = 4096
  /// Requests a device (by its cookie, else its address) may make in a burst.
  public var burst = 30
  /// Requests a second a device may make after a burst.
  public var perSecond = 10.0
  /// The most participants devices may add to an open roster.
  public var rosterFromDevices = 500
  /// Seconds between keep-alive comments on an update stream.
  public var heartbeatSeconds = 15.0

  public init() {}
}
