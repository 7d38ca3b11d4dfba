import Foundation
import Hummingbird
import Logging
import NIOCore
import RolefitCore
import Synchronization

/// Serves a workshop's participant pages on the address the facilitator chose, from a background
/// task, until `stop()`.
public final class WorkshopWebServer: WorkshopServing {
  /// Where to listen.
  public struct Options: Sendable {
    /// The address to bind: loopback unless the facilitator names a LAN address (or 0.0.0.0).
    public var bind: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// Whether a device may add a name that is not on the roster.
    public var openRoster: Bool
    public var limits: WebLimits

    public init(bind: String = "127.0.0.1", port: Int = 0, openRoster: Bool = false, limits: WebLimits = WebLimits()) {
      self.bind = bind
      self.port = port
      self.openRoster = openRoster
      self.limits = limits
    }
  }

  /// Why the server did not start.
  public enum Problem: Error, CustomStringConvertible {
    case cannotListen(address: String, reason: String)
    case badAddress(String)

    public var description: String {
      switch self {
      case .cannotListen(let address, let reason): return "cannot listen on \(address): \(reason)"
      case .badAddress(let text): return "'\(text)' is not ADDR or ADDR:PORT (an IPv4 address or a host name)"
      }
    }
  }

  public let options: Options
  private let running = Mutex<(task: Task<Void, Never>?, link: String?)>((nil, nil))

  public init(options: Options) {
    self.options = options
  }

  /// The join link while serving.
  public var link: String? { running.withLock { $0.link } }

  public func start(_ engine: WorkshopEngine, address: String? = nil) throws -> String {
    if let link = running.withLock({ $0.link }) { return link }
    var options = self.options
    if let address {
      let parts = address.split(separator: ":")
      guard (1...2).contains(parts.count), parts.count == 1 || Int(parts[1]).map({ (0...65535).contains($0) }) == true
      else { throw Problem.badAddress(address) }
      options.bind = String(parts[0])
      if parts.count == 2, let port = Int(parts[1]) { options.port = port }
    }
    engine.rosterIsOpen = options.openRoster
    let token = engine.joinToken()
    let bound = Mutex<Result<Int, Problem>?>(nil)
    let ready = DispatchSemaphore(value: 0)
    let router = Router(context: WebContext.self)
    let host = Self.linkHost(for: options.bind)
    // The projector shows the link, and the link needs the port: the site reads it once known.
    let linkBox = LinkBox()
    WorkshopSite(engine: engine, token: token, limits: options.limits, joinLink: { linkBox.value.withLock { $0 } })
      .register(on: router)
    let address = "\(options.bind):\(options.port)"
    let app = Application(
      router: router, configuration: .init(address: .hostname(options.bind, port: options.port), serverName: nil),
      onServerRunning: { channel in
        bound.withLock { $0 = .success(channel.localAddress?.port ?? 0) }
        ready.signal()
      },
      // The terminal belongs to the facilitator: the server logs nothing.
      logger: Logger(label: "rolefit-web", factory: { _ in SwiftLogNoOpLogHandler() }))
    let task = Task.detached {
      do {
        try await app.run()
      } catch {
        bound.withLock { if $0 == nil { $0 = .failure(.cannotListen(address: address, reason: "\(error)")) } }
        ready.signal()
      }
    }
    guard ready.wait(timeout: .now() + 20) == .success, let result = bound.withLock({ $0 }) else {
      task.cancel()
      throw Problem.cannotListen(address: address, reason: "the server did not start within 20 seconds")
    }
    let port: Int
    switch result {
    case .failure(let problem):
      throw problem
    case .success(let found):
      port = found
    }
    let link = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/w/\(token)"
    linkBox.value.withLock { $0 = link }
    running.withLock { $0 = (task, link) }
    return link
  }

  public func stop() {
    guard
      let task = running.withLock({ state in
        defer { state = (nil, nil) }
        return state.task
      })
    else { return }
    task.cancel()
    // Waits (briefly) for the port to close, so a later start or another program can use it.
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      await task.value
      done.signal()
    }
    _ = done.wait(timeout: .now() + 5)
  }

  /// The host a link names: the bound address, or, for a wildcard, this machine's first LAN address.
  static func linkHost(for bind: String) -> String {
    guard bind == "0.0.0.0" || bind == "::" else { return bind }
    return lanAddresses().first ?? bind
  }

  /// This machine's IPv4 addresses other than loopback.
  static func lanAddresses() -> [String] {
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0, let start = first else { return [] }
    defer { freeifaddrs(first) }
    var found: [String] = []
    for entry in sequence(first: start, next: { $0.pointee.ifa_next }) {
      guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
      var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
      guard
        getnameinfo(
          address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
          == 0
      else { continue }
      let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if !text.hasPrefix("127.") { found.append(text) }
    }
    return found
  }
}

/// The join link, known only once the port is.
final class LinkBox: Sendable {
  let value = Mutex<String>("")
}
