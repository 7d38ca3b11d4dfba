/// The 64-bit FNV-1a hash, fed a byte or a text at a time.
///
/// Stable across runs and platforms (unlike `Hasher`): it seeds resampling, so the same evidence
/// always gets the same confidence, and it places words in the job-description vocabulary.
public struct FNV1a: Sendable {
  /// The hash of the bytes fed so far.
  public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  public init() {}

  /// The hash of some bytes followed by `byte`, from the hash of those bytes.
  @inline(__always)
  public static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }

  public mutating func combine(_ byte: UInt8) { value = Self.combine(value, byte) }

  public mutating func combine(_ bytes: some Sequence<UInt8>) { value = bytes.reduce(value, Self.combine) }

  /// Feeds a text's UTF-8.
  public mutating func combine(_ text: some StringProtocol) { combine(text.utf8) }
}
