// swift-tools-version: 6.0
// libFuzzer harnesses for rolefit's parsers: one executable per parser, built by scripts/fuzz
// with `-sanitize=fuzzer` over the whole graph so that RolefitCore itself is instrumented.
// SPDX-License-Identifier: GPL-3.0-or-later

import PackageDescription

let harnesses = ["fuzz-answers", "fuzz-content", "fuzz-jsonl", "fuzz-posting", "fuzz-voteline", "fuzz-escaping"]

let package = Package(
  name: "rolefit-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "rolefit", path: "..")],
  targets: [
    // Loads the packs the harnesses read, once per process.
    .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "RolefitCore", package: "rolefit")]),
    // Declares libFuzzer's driver, which FuzzSupport starts.
    .target(name: "CFuzzDriver"),
  ]
    + harnesses.map { name in
      .executableTarget(
        name: name, dependencies: ["FuzzSupport", .product(name: "RolefitCore", package: "rolefit")])
    }
)
