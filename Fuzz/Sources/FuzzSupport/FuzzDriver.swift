import CFuzzDriver
import Foundation
import Synchronization

/// The harness libFuzzer calls, set once by `runFuzzer` before the driver starts.
private let harness = Mutex<(@Sendable (UnsafeRawBufferPointer) -> Int32)?>(nil)

/// Hands the command line to libFuzzer's driver with `body` as the function under test.
///
/// SwiftPM gives each executable its own entry point, so libFuzzer's `main` cannot be used;
/// the harness's top-level code calls this instead.
public func runFuzzer(_ body: @escaping @Sendable (UnsafeRawBufferPointer) -> Int32) -> Never {
  harness.withLock { $0 = body }
  var arguments = CommandLine.argc
  var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(
    LLVMFuzzerRunDriver(&arguments, &values) { data, count in
      guard let body = harness.withLock({ $0 }) else { return 0 }
      return body(UnsafeRawBufferPointer(start: data, count: count))
    })
}
