import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RolefitCore
import Synchronization

/// The request context: Hummingbird's, plus the client's address for the rate limit.
struct WebContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// The client's IP address, or `unknown`.
  let client: String

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    client = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }
}

/// The routes of one served workshop, all under `/w/TOKEN`; anything else is 404.
struct WorkshopSite: Sendable {
  let engine: WorkshopEngine
  let token: String
  let limits: WebLimits
  /// The link shown on the projector.
  let joinLink: @Sendable () -> String
  let limiter: RateLimiter
  private let revealCache = RevealCache()
  /// The name of the cookie that binds a device to a participant.
  static let cookieName = "rolefit-device"

  init(engine: WorkshopEngine, token: String, limits: WebLimits, joinLink: @escaping @Sendable () -> String) {
    self.engine = engine
    self.token = token
    self.limits = limits
    self.joinLink = joinLink
    limiter = RateLimiter(burst: limits.burst, perSecond: limits.perSecond)
  }

  var base: String { "/w/\(token)" }

  func register(on router: Router<WebContext>) {
    let group = router.group(RouterPath(base))
    group.get { request, context in try guarded(request, context) { joinPage(request) } }
    group.post("join") { request, context in try await guardedAsync(request, context) { try await join(request) } }
    group.get("vote") { request, context in try guarded(request, context) { votePage(request) } }
    group.post("vote") { request, context in try await guardedAsync(request, context) { try await vote(request) } }
    group.get("screen") { request, context in try guarded(request, context) { screen() } }
    group.get("events") { request, context in try guarded(request, context) { events(request) } }
  }

  // MARK: Handlers

  private func joinPage(_ request: Request) -> Response {
    if device(of: request) != nil { return redirect(to: "\(base)/vote") }
    return joinForm(problem: nil, status: .ok)
  }

  private func joinForm(problem: String?, status: HTTPResponse.Status) -> Response {
    let nonce = WorkshopSite.nonce()
    let session = engine.session
    let html = pages(session, nonce).join(
      open: engine.rosterIsOpen, claimed: Set(session.devices.values), problem: problem)
    return page(html, nonce: nonce, status: status)
  }

  private func join(_ request: Request) async throws -> Response {
    let fields = try await form(request)
    let name = fields["name"] ?? ""
    let session = engine.session
    if engine.rosterIsOpen, session.participants.count >= limits.rosterFromDevices,
      !session.participants.contains(where: { $0.lowercased() == name.lowercased() })
    {
      return joinForm(problem: "The roster is full; ask the facilitator.", status: .forbidden)
    }
    do {
      let joined = try engine.join(name: name)
      var response = redirect(to: "\(base)/vote")
      response.setCookie(
        Cookie(name: Self.cookieName, value: joined.device, path: base, httpOnly: true, sameSite: .strict))
      return response
    } catch {
      return joinForm(problem: "Not joined: \(error).", status: error == .nameTaken(name) ? .conflict : .forbidden)
    }
  }

  private func votePage(_ request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
    guard let device = device(of: request), let participant = engine.participant(device: device) else {
      return redirect(to: base)
    }
    let nonce = WorkshopSite.nonce()
    let (session, reveal) = revealed()
    return page(
      pages(session, nonce).vote(participant: participant, reveal: reveal, problem: problem), nonce: nonce,
      status: status)
  }

  private func vote(_ request: Request) async throws -> Response {
    let fields = try await form(request)
    guard let device = device(of: request) else {
      return message("Not joined", "This device has not joined the workshop; open the join link again.", .forbidden)
    }
    // A form may name a participant: it must be the one this device joined as.
    if let named = fields["participant"], named.lowercased() != engine.participant(device: device)?.lowercased() {
      return message("Refused", "A device votes only for the participant it joined as.", .forbidden)
    }
    do {
      _ = try await engine.vote(device: device, option: fields["option"] ?? "")
      return redirect(to: "\(base)/vote")
    } catch .unknownDevice {
      return message("Not joined", "This device has not joined the workshop; open the join link again.", .forbidden)
    } catch {
      return votePage(request, problem: "Not recorded: \(error).", status: .conflict)
    }
  }

  private func screen() -> Response {
    let nonce = WorkshopSite.nonce()
    let (session, reveal) = revealed()
    return page(pages(session, nonce).screen(reveal: reveal, joinLink: joinLink()), nonce: nonce, status: .ok)
  }

  /// Server-Sent Events: the page's refresh key whenever it changes, a comment now and then so
  /// dead connections are found; a browser reconnects by itself when the stream breaks.
  private func events(_ request: Request) -> Response {
    let screen = request.uri.queryParameters["screen"] != nil
    let key: @Sendable (WorkshopSession) -> String = screen ? WorkshopPages.screenKey : WorkshopPages.participantKey
    let engine = self.engine
    let heartbeat = limits.heartbeatSeconds
    let body = ResponseBody { writer in
      enum Tick { case change, beat }
      let (ticks, continuation) = AsyncStream.makeStream(of: Tick.self, bufferingPolicy: .bufferingNewest(1))
      let observer = engine.observe { _ in continuation.yield(.change) }
      let beats = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(heartbeat))
          continuation.yield(.beat)
        }
      }
      defer {
        beats.cancel()
        engine.stopObserving(observer)
        continuation.finish()
      }
      var sent = key(engine.session)
      try await writer.write(ByteBuffer(string: "retry: 2000\ndata: \(sent)\n\n"))
      for await tick in ticks {
        let now = key(engine.session)
        if now != sent {
          sent = now
          try await writer.write(ByteBuffer(string: "data: \(now)\n\n"))
        } else if tick == .beat {
          try await writer.write(ByteBuffer(string: ": still here\n\n"))
        }
      }
      try await writer.finish(nil)
    }
    var headers = WorkshopSite.securityHeaders(nonce: nil)
    headers[.contentType] = "text/event-stream"
    return Response(status: .ok, headers: headers, body: body)
  }

  // MARK: Plumbing

  /// Runs a handler after the rate limit; a device over it gets 429.
  private func guarded(_ request: Request, _ context: WebContext, _ handler: () throws -> Response) throws -> Response {
    guard limiter.allow(device(of: request) ?? context.client) else { return tooMany() }
    return try handler()
  }

  private func guardedAsync(
    _ request: Request, _ context: WebContext, _ handler: () async throws -> Response
  ) async throws -> Response {
    guard limiter.allow(device(of: request) ?? context.client) else { return tooMany() }
    return try await handler()
  }

  private func tooMany() -> Response {
    var response = message("Slow down", "Too many requests from this device; try again in a moment.", .tooManyRequests)
    response.headers[.retryAfter] = "1"
    return response
  }

  /// The device cookie's secret, when it names a device that joined.
  private func device(of request: Request) -> String? {
    guard let value = request.cookies[Self.cookieName]?.value, engine.participant(device: value) != nil else {
      return nil
    }
    return value
  }

  /// A form body of at most `limits.bodyBytes`; a bigger one is refused with 413.
  private func form(_ request: Request) async throws -> [String: String] {
    var request = request
    let buffer = try await request.collectBody(upTo: limits.bodyBytes)
    return FormBody.parse(String(buffer: buffer))
  }

  /// The session and, once revealed, the current round's result: worked out once per change,
  /// since every open page asks for it at the same moment.
  private func revealed() -> (WorkshopSession, WorkshopReveal?) {
    let (session, version) = engine.snapshot
    if let cached = revealCache.last.withLock({ $0 }), cached.version == version { return (session, cached.reveal) }
    let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
    let reveal = session.revealed.contains(key) ? WorkshopReveal.current(of: session, pack: engine.pack) : nil
    revealCache.last.withLock { $0 = (version, reveal) }
    return (session, reveal)
  }

  private func pages(_ session: WorkshopSession, _ nonce: String) -> WorkshopPages {
    WorkshopPages(session: session, pack: engine.pack, base: base, nonce: nonce)
  }

  private func page(_ html: HTML, nonce: String, status: HTTPResponse.Status) -> Response {
    var headers = WorkshopSite.securityHeaders(nonce: nonce)
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html.text)))
  }

  private func message(_ title: String, _ text: String, _ status: HTTPResponse.Status) -> Response {
    let nonce = WorkshopSite.nonce()
    return page(WorkshopPages.message(title, text, nonce: nonce), nonce: nonce, status: status)
  }

  private func redirect(to path: String) -> Response {
    var headers = WorkshopSite.securityHeaders(nonce: nil)
    headers[.location] = path
    return Response(status: .seeOther, headers: headers)
  }

  /// A fresh nonce for a page's inline script.
  static func nonce() -> String { String(WorkshopEngine.secret().prefix(16)) }

  /// No external anything, no framing, no caching, no referrer (the link carries the token).
  static func securityHeaders(nonce: String?) -> HTTPFields {
    var headers = HTTPFields()
    let script = nonce.map { "'nonce-\($0)'" } ?? "'none'"
    headers[.contentSecurityPolicy] =
      "default-src 'none'; script-src \(script); style-src 'unsafe-inline'; connect-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    headers[.xContentTypeOptions] = "nosniff"
    if let referrer = HTTPField.Name("Referrer-Policy") { headers[referrer] = "no-referrer" }
    headers[.cacheControl] = "no-store"
    return headers
  }
}

/// The last reveal worked out, with the engine version it belongs to.
final class RevealCache: Sendable {
  let last = Mutex<(version: Int, reveal: WorkshopReveal?)?>(nil)
}
