/// A small seeded random generator, so resampling gives the same result for the same answers.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator that always produces the same sequence for the same seed.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A seed from text, by FNV-1a: stable across runs and platforms (unlike `Hasher`).
  public static func seed(from text: String) -> UInt64 {
    var hash = FNV1a()
    hash.combine(text)
    return hash.value
  }
}
