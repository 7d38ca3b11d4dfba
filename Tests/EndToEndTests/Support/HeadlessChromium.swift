import Foundation
import Synchronization

/// A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// JSON messages ended by a NUL, on file descriptors 3 and 4), so a test can click through a
/// real page as a participant would.
final class HeadlessChromium {
  /// The browser, when one is installed.
  static var executable: URL? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].lazy.map(URL.init(fileURLWithPath:))
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  private let process = Process()
  private let commands = Pipe()
  private let events = Pipe()
  private let replies = Replies()
  private var nextID = 0
  private var session = ""

  struct Failure: Error, CustomStringConvertible { var description: String }

  /// Starts the browser on `url` and attaches to its page.
  init(_ executable: URL, opening url: String) throws {
    let profile = try RolefitBinary.temporaryDirectory()
    // The shell hands our pipes to the browser as descriptors 3 and 4, as the protocol wants.
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null 2>&1", executable.path, "--headless=new",
      "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--remote-debugging-pipe",
      "--user-data-dir=\(profile.path)", url,
    ]
    process.standardInput = commands
    process.standardOutput = events
    let replies = self.replies
    events.fileHandleForReading.readabilityHandler = { handle in replies.take(handle.availableData) }
    try process.run()
    let targets = try send("Target.getTargets", [:], session: nil)
    let infos = (targets["targetInfos"] as? [[String: Any]]) ?? []
    guard let page = infos.first(where: { $0["type"] as? String == "page" })?["targetId"] as? String else {
      throw Failure(description: "no page in \(infos)")
    }
    let attached = try send("Target.attachToTarget", ["targetId": page, "flatten": true], session: nil)
    session = attached["sessionId"] as? String ?? ""
  }

  deinit {
    events.fileHandleForReading.readabilityHandler = nil
    if process.isRunning { process.terminate() }
  }

  /// Evaluates JavaScript in the page and returns its value as text.
  func evaluate(_ expression: String) throws -> String {
    let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
    let value = (result["result"] as? [String: Any])?["value"]
    return value.map { "\($0)" } ?? ""
  }

  /// Waits until the page's text contains `text`.
  func waitForText(_ text: String, timeout: TimeInterval = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let shown = try? evaluate("document.body ? document.body.innerText : ''"), shown.contains(text) {
        return true
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }

  /// Clicks the first element matching a CSS selector, as a tap would.
  func click(_ selector: String) throws {
    let done = try evaluate(
      "(function(){var e=document.querySelector(\(Self.quoted(selector)));if(!e)return 'missing';e.click();return 'ok'})()"
    )
    guard done == "ok" else { throw Failure(description: "nothing matches \(selector)") }
  }

  func close() {
    _ = try? send("Browser.close", [:], session: nil, timeout: 5)
    process.waitUntilExit()
  }

  private func send(_ method: String, _ params: [String: Any], session: String?, timeout: TimeInterval = 20) throws
    -> [String: Any]
  {
    nextID += 1
    var message: [String: Any] = ["id": nextID, "method": method, "params": params]
    if let session { message["sessionId"] = session }
    var data = try JSONSerialization.data(withJSONObject: message)
    data.append(0)
    commands.fileHandleForWriting.write(data)
    guard let reply = replies.wait(for: nextID, timeout: timeout) else {
      throw Failure(description: "no reply to \(method)")
    }
    if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
    return reply["result"] as? [String: Any] ?? [:]
  }

  private static func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }
}

/// Replies read from the browser, by command id; events are dropped.
final class Replies: Sendable {
  private let state = Mutex<(buffer: Data, byID: [Int: Data])>((Data(), [:]))

  func take(_ data: Data) {
    state.withLock { state in
      state.buffer.append(data)
      while let end = state.buffer.firstIndex(of: 0) {
        let message = state.buffer[state.buffer.startIndex..<end]
        state.buffer = Data(state.buffer[(end + 1)...])
        if let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
          let id = object["id"] as? Int
        {
          state.byID[id] = Data(message)
        }
      }
    }
  }

  func wait(for id: Int, timeout: TimeInterval) -> [String: Any]? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let data = state.withLock({ $0.byID.removeValue(forKey: id) }) {
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return nil
  }
}
