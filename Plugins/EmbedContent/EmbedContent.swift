// Embeds the top-level content/ pack into the target it is applied to, so an installed
// rolefit binary carries its pack and needs no flag or search path to find it.

import Foundation
import PackagePlugin

@main
struct EmbedContent: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let contentDirectory = context.package.directoryURL.appending(path: "content")
    let files = Self.packFiles(in: contentDirectory)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
    return [
      .buildCommand(
        displayName: "Embedding the content pack (\(files.count) files)",
        executable: try context.tool(named: "rolefit-embed").url,
        arguments: [contentDirectory.path, output.path] + files.map(\.path),
        inputFiles: files,
        outputFiles: [output]
      )
    ]
  }

  /// The pack's YAML files, without the example packs kept beside it for documentation.
  static func packFiles(in directory: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var files: [URL] = []
    for case let url as URL in enumerator {
      if url.lastPathComponent == "examples" {
        enumerator.skipDescendants()
        continue
      }
      if ["yaml", "yml"].contains(url.pathExtension) { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }
}
