import Foundation
import RolefitBundledContent
import RolefitCore

/// Packs for tests: the bundled pack, the trainer example, and mutated copies of it.
enum TestPacks {
  /// The repository's top folder, from this file's place in it.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var bundledFiles: [PackFile] {
    BundledContent.files.map { PackFile(path: $0.path, displayPath: "content/" + $0.path, text: $0.text) }
  }

  /// The bundled pack, loaded once; a test using it fails (rather than crashes) when it does not load.
  static var bundled: ContentPack {
    get throws { try bundledResult.get() }
  }

  private static let bundledResult = Result { () throws -> ContentPack in
    guard let pack = try ContentLoader.load(bundledFiles).pack else { throw ContentError.invalid([]) }
    return pack
  }

  /// The bundled pack deciding with its lexicon's own weights (the model a pack with no
  /// `jd-model.yaml` uses) and an "uncertain" band below 0.45: for tests whose postings must land in
  /// a given band, so that refitting `jd-model.yaml` to new labels never moves them.
  static var bundledWithLexiconModel: ContentPack {
    get throws {
      var pack = try bundled
      var model = PostingModel.prior(for: pack)
      model.uncertainBelow = 0.45
      pack.postingModel = model
      return pack
    }
  }

  /// The bundled introductory workshop agenda, with its pack.
  static var introAgenda: (pack: ContentPack, agenda: Agenda) {
    get throws {
      let pack = try bundled
      guard let agenda = pack.agenda("project-or-program-intro") else { throw ContentError.invalid([]) }
      return (pack, agenda)
    }
  }

  static var trainerFiles: [PackFile] {
    get throws {
      try PackFile.files(
        inDirectory: repository.appendingPathComponent("content/examples/trainer-pack"), displayRoot: "trainer-pack")
    }
  }

  /// The trainer pack with one file's text changed: `old` must occur in it.
  static func trainer(replacing old: String, with new: String, in path: String) throws -> [PackFile] {
    try trainerFiles.map { file in
      guard file.path == path else { return file }
      precondition(file.text.contains(old), "fixture text '\(old)' not found in \(path)")
      var changed = file
      changed.text = file.text.replacingOccurrences(of: old, with: new)
      return changed
    }
  }

  /// The trainer pack plus one more file.
  static func trainer(adding path: String, text: String) throws -> [PackFile] {
    try trainerFiles + [PackFile(path: path, displayPath: "trainer-pack/" + path, text: text)]
  }
}
