import Foundation
import Synchronization

/// A token bucket per key: `burst` requests at once, then `perSecond`.
final class RateLimiter: Sendable {
  private struct Bucket {
    var tokens: Double
    var updated: Double
  }

  private let burst: Double
  private let perSecond: Double
  private let buckets = Mutex<[String: Bucket]>([:])
  /// The most keys kept; past it, full buckets are forgotten (they would allow a burst anyway).
  private let mostKeys = 10_000

  init(burst: Int, perSecond: Double) {
    self.burst = Double(burst)
    self.perSecond = perSecond
  }

  /// Whether `key` may make a request now; takes a token when it may.
  func allow(_ key: String, now: Double = ProcessInfo.processInfo.systemUptime) -> Bool {
    buckets.withLock { buckets in
      var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
      bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * perSecond)
      bucket.updated = now
      guard bucket.tokens >= 1 else {
        buckets[key] = bucket
        return false
      }
      bucket.tokens -= 1
      buckets[key] = bucket
      if buckets.count > mostKeys {
        buckets = buckets.filter { min(burst, $0.value.tokens + (now - $0.value.updated) * perSecond) < burst }
      }
      return true
    }
  }
}
