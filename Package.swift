// swift-tools-version: 6.0
// rolefit: tell project management work from program management work, and act on it.
// SPDX-License-Identifier: GPL-3.0-or-later

import PackageDescription

/// Settings every Swift target shares: upcoming features that keep the code honest.
let strictSettings: [SwiftSetting] = [
  // `any P` spelled out makes existential costs visible.
  .enableUpcomingFeature("ExistentialAny"),
  // A file sees only what it imports itself.
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "rolefit",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "rolefit", targets: ["rolefit"]),
    .library(name: "RolefitCore", targets: ["RolefitCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    // GNU readline, behind one door (see Sources/CReadline/shim.h).
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),

    // The core: content, scoring, learning paths, job descriptions, workshops, rendering.
    // Knows nothing of terminals.
    .target(
      name: "RolefitCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      swiftSettings: strictSettings
    ),

    // Everything that must survive: an embedded SQLite database.
    .target(
      name: "RolefitStore",
      dependencies: ["RolefitCore", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strictSettings
    ),

    // The terminal layer: line reading (readline or plain), colour, width, the REPL.
    .target(
      name: "RolefitTerminal",
      dependencies: ["RolefitCore", "CReadline", "Rainbow"],
      swiftSettings: strictSettings
    ),

    // The participants' web front end for a workshop: a small HTTP server over the core's
    // workshop engine. Kept apart so the core and the terminal know nothing of HTTP.
    .target(
      name: "RolefitWeb",
      dependencies: [
        "RolefitCore", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: strictSettings
    ),

    // The bundled content pack, embedded in the binary at build time.
    .target(
      name: "RolefitBundledContent",
      swiftSettings: strictSettings,
      plugins: ["EmbedContent"]
    ),
    .executableTarget(name: "rolefit-embed", swiftSettings: strictSettings),
    .plugin(name: "EmbedContent", capability: .buildTool(), dependencies: ["rolefit-embed"]),

    // The thin executable: parses arguments and wires the layers together.
    .executableTarget(
      name: "rolefit",
      dependencies: [
        "RolefitCore", "RolefitStore", "RolefitTerminal", "RolefitWeb", "RolefitBundledContent",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),

    .testTarget(
      name: "RolefitCoreTests",
      dependencies: ["RolefitCore", "RolefitBundledContent"],
      // The terminal-text snapshots are read from the source tree, not bundled.
      exclude: ["Rendering/Snapshots"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "RolefitStoreTests",
      dependencies: [
        "RolefitStore", "RolefitCore", "RolefitBundledContent", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "RolefitTerminalTests",
      dependencies: ["RolefitTerminal", "RolefitCore", "RolefitBundledContent"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["RolefitCore", "RolefitBundledContent"],
      swiftSettings: strictSettings
    ),
  ]
)
