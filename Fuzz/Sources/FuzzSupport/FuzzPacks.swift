import Foundation
import RolefitCore

/// The content packs the harnesses read: the repository's own, found from this file's place.
public enum FuzzPacks {
  /// The repository's top folder (Fuzz/Sources/FuzzSupport/ is three levels below it).
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The files of the bundled pack, as the repository holds them.
  public static let bundledFiles: [PackFile] = files("content")

  /// The files of the small trainer pack, which loads fast enough to be read per input.
  public static let trainerFiles: [PackFile] = files("content/examples/trainer-pack")

  /// The bundled pack; a harness cannot run without it.
  public static let bundled: ContentPack = {
    guard let pack = try? ContentLoader.load(bundledFiles).pack else { fatalError("the bundled pack does not load") }
    return pack
  }()

  private static func files(_ folder: String) -> [PackFile] {
    guard let files = try? PackFile.files(inDirectory: repository.appendingPathComponent(folder)) else {
      fatalError("no content pack at \(folder)")
    }
    return files
  }

  /// The input as text, the way rolefit reads a file: invalid UTF-8 is replaced.
  public static func text(_ data: UnsafeRawBufferPointer) -> String {
    String(decoding: data, as: UTF8.self)
  }

  /// Stops the run when `text` holds a control character that could reach a terminal.
  public static func requireNoControls(_ text: String, _ what: String) {
    for scalar in text.unicodeScalars
    where (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) {
      fatalError("\(what) holds control character U+\(String(scalar.value, radix: 16))")
    }
  }
}
