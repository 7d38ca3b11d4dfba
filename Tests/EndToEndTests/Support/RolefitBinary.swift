import Foundation
import RolefitBundledContent
import RolefitCore

/// Runs the built `rolefit` executable, as a user or a script would.
enum RolefitBinary {
  /// The built executable, beside the test bundle in the build folder.
  static var url: URL {
    get throws {
      var candidates = [Bundle.main.bundleURL.appendingPathComponent("rolefit")]
      for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("rolefit"))
      }
      candidates.append(
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rolefit"))
      guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw Missing(description: "no built rolefit beside the tests; looked at \(candidates.map(\.path))")
      }
      return found
    }
  }

  struct Missing: Error, CustomStringConvertible { var description: String }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A private environment: no colour, a throwaway state and data folder.
  static func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-e2e-\(UUID().uuidString)").path
    environment["HOME"] = home
    environment["XDG_STATE_HOME"] = home + "/state"
    environment["XDG_DATA_HOME"] = home + "/data"
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "ROLEFIT_CONTENT")
    environment.removeValue(forKey: "ROLEFIT_DB")
    for (key, value) in extra { environment[key] = value }
    return environment
  }

  /// Runs rolefit with arguments and standard input, waiting for it to finish.
  static func run(_ arguments: [String], input: String = "", environment: [String: String] = environment()) throws
    -> Outcome
  {
    try run(try url, arguments, input: input, environment: environment)
  }

  /// Runs any program with arguments and standard input, waiting for it to finish.
  static func run(_ program: URL, _ arguments: [String], input: String = "", environment: [String: String]) throws
    -> Outcome
  {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = environment
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// The bundled content pack, as the binary loads it.
  static func bundledPack() throws -> ContentPack {
    let files = BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
    guard let pack = try ContentLoader.load(files).pack else {
      throw Missing(description: "the bundled pack does not load")
    }
    return pack
  }

  /// The repository's top folder.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A fresh temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolefit-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
