// The content pack that ships inside the rolefit binary.

/// The bundled content pack, embedded at build time from the repository's `content/` folder.
///
/// The build-tool plugin `EmbedContent` regenerates `embeddedFiles` whenever a file of
/// the pack changes, so `swift run rolefit` always sees the pack as it is in the tree and an
/// installed binary needs nothing beside it.
public enum BundledContent {
  /// The pack's files, each as a path relative to `content/` and its text.
  public static var files: [(path: String, text: String)] { embeddedFiles }

  /// What to call the bundled pack in messages: paths print as `content/<file>`.
  public static let displayRoot = "content"
}
