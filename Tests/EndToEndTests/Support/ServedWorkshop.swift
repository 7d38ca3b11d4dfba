import Foundation
import Synchronization

/// `rolefit workshop serve NAME` running in the background: the facilitator's lines go to its
/// standard input, its output is collected, and participants talk to it over real HTTP.
final class ServedWorkshop {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let collected = Collected()
  /// The join link the terminal showed.
  private(set) var link = ""

  init(_ arguments: [String], environment: [String: String]) throws {
    process.executableURL = try RolefitBinary.url
    process.arguments = arguments
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    let collected = self.collected
    output.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }
    try process.run()
    guard waitFor("JOIN: ") else {
      throw RolefitBinary.Missing(description: "no join link shown; the terminal said:\n\(self.output(after: 0))")
    }
    _ = waitFor("then reveal")
    let text = self.output(after: 0)
    guard let range = text.range(of: #"http://[^\s]+"#, options: .regularExpression) else {
      throw RolefitBinary.Missing(description: "no link in: \(text)")
    }
    link = String(text[range])
  }

  deinit {
    if process.isRunning { process.terminate() }
    output.fileHandleForReading.readabilityHandler = nil
  }

  /// The port in the link.
  var port: Int { URL(string: link)?.port ?? 0 }

  /// Everything the terminal printed, from a mark on.
  func output(after mark: Int) -> String {
    collected.text.withLock { String(decoding: $0.utf8.dropFirst(mark), as: UTF8.self) }
  }

  /// How much the terminal has printed so far, for `output(after:)`.
  var mark: Int { collected.text.withLock { $0.utf8.count } }

  /// Types a line at the facilitator's prompt.
  func type(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Waits until the terminal has printed `text` after `mark`.
  @discardableResult
  func waitFor(_ text: String, after mark: Int = 0, timeout: TimeInterval = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if output(after: mark).contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  /// Ends standard input (as Ctrl-D would) and waits for the exit status.
  func close(timeout: TimeInterval = 20) -> Int32? {
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// Kills the process with SIGKILL, as a crash or a pulled plug would.
  func kill9() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}

/// What the process printed, filled from the pipe's reading thread.
final class Collected: Sendable {
  let text = Mutex<String>("")
}

/// A participant's browser, played by curl: its own cookie jar, real HTTP.
struct Device {
  let jar: URL
  let link: String

  init(link: String) throws {
    self.link = link
    jar = try RolefitBinary.temporaryDirectory().appendingPathComponent("cookies")
  }

  struct Reply {
    var status: Int
    var body: String
    var headers: String
  }

  /// GET `path` under the join link (not following redirects).
  func get(_ path: String = "", base: String? = nil) throws -> Reply {
    try curl(["\(base ?? link)\(path)"])
  }

  /// The statuses of `count` GETs of `path` made as fast as one connection allows.
  func statuses(_ path: String, count: Int) throws -> [Int] {
    let reply = try curl(
      ["-w", "%{http_code}\n"] + (0..<count).flatMap { _ in ["-o", "/dev/null", "\(link)\(path)"] })
    return reply.body.split(separator: "\n").compactMap { Int($0) } + [reply.status]
  }

  /// What an update stream sends in `seconds`.
  func stream(_ path: String, seconds: Int) throws -> String {
    try curl(["-N", "--max-time", String(seconds), "\(link)\(path)"]).body
  }

  /// POSTs form fields to `path` under the join link.
  func post(_ path: String, _ fields: [(String, String)], base: String? = nil) throws -> Reply {
    try curl(fields.flatMap { ["--data-urlencode", "\($0.0)=\($0.1)"] } + ["\(base ?? link)\(path)"])
  }

  /// POSTs a raw body.
  func post(_ path: String, raw body: String) throws -> Reply {
    try curl(["--data-binary", "@-", "\(link)\(path)"], input: body)
  }

  private func curl(_ arguments: [String], input: String = "") throws -> Reply {
    let headers = jar.deletingLastPathComponent().appendingPathComponent("headers-\(UUID().uuidString)")
    let outcome = try RolefitBinary.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["curl", "-sS", "--max-time", "20", "-b", jar.path, "-c", jar.path, "-D", headers.path, "-w", "\n%{http_code}"]
        + arguments, input: input, environment: ProcessInfo.processInfo.environment)
    let text = outcome.stdout
    let status = Int(text.split(separator: "\n").last ?? "") ?? 0
    let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
    let head = (try? String(contentsOf: headers, encoding: .utf8)) ?? ""
    return Reply(status: status, body: body, headers: head)
  }
}
