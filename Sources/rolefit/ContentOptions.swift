import ArgumentParser
import Foundation
import RolefitBundledContent
import RolefitCore
import RolefitTerminal

/// `--content DIR`: which content pack to use.
///
/// Shared by every command.
struct ContentOptions: ParsableArguments {
  @Option(
    name: .customLong("content"),
    help: ArgumentHelp(
      "A content pack folder to use instead of the bundled pack (also ROLEFIT_CONTENT).", valueName: "dir"))
  var directory: String?

  /// Where the pack comes from, for messages: a folder or the bundled pack.
  var origin: String {
    if let directory = directory ?? ProcessInfo.processInfo.environment["ROLEFIT_CONTENT"], !directory.isEmpty {
      return directory
    }
    return "bundled pack"
  }

  /// The pack's files: the flag, then the environment, then the pack built into the binary.
  func files() throws -> [PackFile] {
    let environment = ProcessInfo.processInfo.environment["ROLEFIT_CONTENT"]
    if let path = directory ?? (environment?.isEmpty == false ? environment : nil) {
      let url = URL(fileURLWithPath: path)
      do {
        return try PackFile.files(inDirectory: url, displayRoot: path.hasSuffix("/") ? String(path.dropLast()) : path)
      } catch ContentError.packNotFound {
        let source = directory != nil ? "--content" : "ROLEFIT_CONTENT"
        throw CLIError.missingInput(
          "no content pack at \(url.standardizedFileURL.path) (from \(source)): the folder must hold a pack.yaml")
      } catch let error as ContentError {
        throw CLIError.content(error)
      }
    }
    return BundledContent.files.map {
      PackFile(path: $0.path, displayPath: BundledContent.displayRoot + "/" + $0.path, text: $0.text)
    }
  }

  /// Loads the pack; errors stop the program (exit 65).
  ///
  /// A bundled pack loads only the `sections` the command needs (the tests check it whole); a
  /// pack from a folder is always read and linted whole, its warnings shown once.
  func load(warnings: Bool = true, sections: ContentLoader.Sections = .all) throws -> ContentPack {
    let files = try files()
    do {
      let outcome = try ContentLoader.load(files, sections: origin == "bundled pack" ? sections : .all)
      guard let pack = outcome.pack else { throw CLIError.badData("the content pack could not be loaded") }
      if warnings, origin != "bundled pack" {
        // A pack from a folder is linted like `rolefit content lint`: errors stop, warnings show once.
        let findings = outcome.diagnostics + PackLinter(pack: pack).lint()
        if let error = findings.first(where: { $0.severity == .error }) { throw CLIError.badData(error.description) }
        for warning in findings where warning.severity == .warning {
          Console.standardError.line(warning.description)
        }
      }
      return pack
    } catch let error as ContentError {
      throw CLIError.content(error)
    }
  }
}
