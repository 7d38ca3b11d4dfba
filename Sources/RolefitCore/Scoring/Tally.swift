/// Weighted evidence over a set of roles: totals, shares, the verdict and its stability.
///
/// Shared by the self-assessment (`Scorer`, one vector per answer) and the job-description
/// engine (one vector per matched phrase), so both decide the same way.
public struct Tally: Sendable {
  /// The roles the vectors are indexed by.
  public let roleIDs: [String]
  public let rules: ScoringRules

  public init(roleIDs: [String], rules: ScoringRules) {
    self.roleIDs = roleIDs
    self.rules = rules
  }

  /// Weights by role id as a vector in `roleIDs` order.
  public func vector(_ weights: [String: Double]) -> [Double] { roleIDs.map { weights[$0] ?? 0 } }

  /// The element-wise sum of vectors.
  public func sum(_ vectors: [[Double]]) -> [Double] {
    var totals = [Double](repeating: 0, count: roleIDs.count)
    for vector in vectors { for index in totals.indices { totals[index] += vector[index] } }
    return totals
  }

  /// Totals over their sum; equal shares when there is no evidence at all.
  public func shares(_ totals: [Double]) -> [Double] {
    let all = totals.reduce(0, +)
    guard all > 0 else { return totals.map { _ in 1 / Double(totals.count) } }
    return totals.map { $0 / all }
  }

  /// The leading role, the runner-up, and the band, from role totals.
  public struct Verdict: Sendable, Equatable {
    public var top: Int
    public var second: Int
    /// The leading role's share of the top two.
    public var topShare: Double
    public var band: ScoringRules.Band
    /// Whether the band is the last (balanced) one.
    public var isHybrid: Bool

    /// What resampling must reproduce: the leading role, or "balanced" for a hybrid.
    var key: Int { isHybrid ? -1 : top }
  }

  public func verdict(_ totals: [Double]) -> Verdict {
    let (top, second, topShare) = Self.leaders(count: totals.count) { totals[$0] }
    let band = rules.band(forShare: topShare)
    return Verdict(top: top, second: second, topShare: topShare, band: band, isHybrid: band.id == rules.bands.last?.id)
  }

  /// The leading role, the runner-up (ties to the earlier role) and the leader's share of the two,
  /// in one pass.
  ///
  /// `totals(i)` is role `i`'s total, for `i` in `0..<count`.
  @inline(__always)
  static func leaders(count: Int, _ totals: (Int) -> Double) -> (top: Int, second: Int, share: Double) {
    var top = 0
    var second = -1
    for index in 1..<max(count, 1) {
      if totals(index) > totals(top) {
        second = top
        top = index
      } else if second < 0 || totals(index) > totals(second) {
        second = index
      }
    }
    if second < 0 { second = top }
    let pair = totals(top) + totals(second)
    return (top, second, pair > 0 && top != second ? totals(top) / pair : 0.5)
  }

  /// The most roles a tally tells apart: resampling adds whole vectors as SIMD lanes.
  public static let maximumRoles = 16

  /// The fraction of bootstrap resamples of the evidence whose verdict matches `verdict`.
  ///
  /// The generator is seeded from `seed`, so the same evidence always gives the same figure.
  ///
  /// With `bandMatters`, a resample must also reproduce the band (strong stays strong), not
  /// only the leading role: the self-assessment states the band, so its stability covers it.
  public func stability(_ vectors: [[Double]], verdict: Verdict, seed: String, bandMatters: Bool = false) -> Double {
    stability(vectors, verdict: verdict, seed: SplitMix64.seed(from: seed), bandMatters: bandMatters)
  }

  /// The same, seeded with a number (`SplitMix64.seed(from:)` of a text gives the same figure).
  public func stability(_ vectors: [[Double]], verdict: Verdict, seed: UInt64, bandMatters: Bool = false) -> Double {
    guard !vectors.isEmpty else { return 0 }
    precondition(roleIDs.count <= Self.maximumRoles, "more roles than a tally handles")
    let same =
      switch roleIDs.count {
      case ...2: agreeingResamples(vectors, SIMD2<Double>.self, verdict: verdict, seed: seed, bandMatters: bandMatters)
      case ...4: agreeingResamples(vectors, SIMD4<Double>.self, verdict: verdict, seed: seed, bandMatters: bandMatters)
      case ...8: agreeingResamples(vectors, SIMD8<Double>.self, verdict: verdict, seed: seed, bandMatters: bandMatters)
      default: agreeingResamples(vectors, SIMD16<Double>.self, verdict: verdict, seed: seed, bandMatters: bandMatters)
      }
    return Double(same) / Double(rules.resamples)
  }

  /// How many of `rules.resamples` bootstrap resamples reproduce the verdict, with each vector
  /// in the lanes of one `Lanes` (unused lanes zero).
  private func agreeingResamples<Lanes: SIMD>(
    _ vectors: [[Double]], _: Lanes.Type, verdict: Verdict, seed: UInt64, bandMatters: Bool
  ) -> Int where Lanes.Scalar == Double {
    var generator = SplitMix64(seed: seed)
    let count = vectors.count
    let width = roleIDs.count
    let lanes = vectors.map { vector in
      var lanes = Lanes()
      for index in 0..<width { lanes[index] = vector[index] }
      return lanes
    }
    // The verdict's key without building a band: a hybrid is a top-two share under the
    // second-to-last band's floor. This loop runs count × resamples times per posting in batches.
    let hybridBelow = rules.bands.count > 1 ? rules.bands[rules.bands.count - 2].minShare - 1e-12 : 0
    var same = 0
    lanes.withUnsafeBufferPointer { lanes in
      for _ in 0..<rules.resamples {
        var totals = Lanes()
        for _ in 0..<count {
          // Multiply-shift maps 64 random bits onto 0..<count without a division.
          totals += lanes[Int(((generator.next() >> 32) &* UInt64(count)) >> 32)]
        }
        let leaders = Self.leaders(count: width) { totals[$0] }
        if (leaders.share < hybridBelow ? -1 : leaders.top) == verdict.key
          && (!bandMatters || rules.band(forShare: leaders.share).id == verdict.band.id)
        {
          same += 1
        }
      }
    }
    return same
  }
}
