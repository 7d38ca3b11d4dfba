import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitStore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private folder under the system's temporary folder, removed when the test lets go of it.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = (NSTemporaryDirectory() as NSString).appendingPathComponent("rolefit-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  deinit {
    // A test may have taken write permission away; give it back so the folder can go.
    _ = chmod(path, 0o700)
    try? FileManager.default.removeItem(atPath: path)
  }

  /// A path inside the folder.
  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
  private let time: Mutex<Date>

  init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { time = Mutex(start) }

  /// The current time, as the store asks for it.
  var now: @Sendable () -> Date { { [self] in time.withLock { $0 } } }

  /// Moves the clock on.
  func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// The bundled content pack and answers made from it.
enum Fixtures {
  static var pack: ContentPack {
    get throws { try packResult.get() }
  }

  private static let packResult = Result { () throws -> ContentPack in
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    guard let pack = try ContentLoader.load(files).pack else { throw ContentError.invalid([]) }
    return pack
  }

  /// A valid answer to a question, varied by `seed` so runs differ.
  static func answer(to question: Question, seed: Int = 0) -> AnswerValue {
    switch question.kind {
    case .number:
      let spec = question.number
      let low = spec?.minimum ?? 0
      let high = spec?.maximum ?? 100
      return .number(min(high, low + Double(seed % 37)))
    case .multi:
      let ids = question.optionIDs.filter { $0 != "none" }
      return .choices(ids.isEmpty ? [] : [ids[seed % ids.count]])
    case .single, .forced, .likert, .yesno:
      return .choice(question.optionIDs[seed % question.optionIDs.count])
    }
  }

  /// A run with its first `count` questions answered, each taking `seed + index` seconds.
  static func run(answering count: Int, seed: Int = 0) throws -> AssessmentRun {
    var run = AssessmentRun(pack: try pack)
    for index in 0..<count {
      guard let question = run.current else { break }
      run.answer(answer(to: question, seed: seed + index), seconds: Double(seed + index) + 0.5)
    }
    return run
  }

  /// The bytes of a file, to show it was not changed.
  static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  /// A file's permission bits.
  static func mode(_ path: String) -> Int? {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_mode) & 0o7777 : nil
  }

  /// Whether the tests run as root, who ignores permission bits.
  static var runningAsRoot: Bool { geteuid() == 0 }
}

/// Runs bodies at the same time, each on a thread of its own, and returns what they threw.
func onSeparateThreads(_ bodies: [@Sendable () throws -> Void]) -> [String] {
  let errors = Shared<[String]>([])
  let group = DispatchGroup()
  for body in bodies {
    group.enter()
    let thread = Thread {
      defer { group.leave() }
      do {
        try body()
      } catch {
        errors.update { $0.append(String(describing: error)) }
      }
    }
    thread.start()
  }
  group.wait()
  return errors.value
}

/// A value threads share, behind a lock.
final class Shared<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  init(_ value: Value) { mutex = Mutex(value) }

  /// The value now.
  var value: Value { mutex.withLock { $0 } }

  /// Changes the value.
  func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
}
