/// A source article that claims cite.
public struct Source: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var kind: String?
}

/// One statement of a source article, paraphrased, that content rests on.
public struct Claim: Sendable, Hashable, Identifiable {
  /// A stable id such as `pgm-interdependencies`.
  public var id: String
  /// The source article's id.
  public var source: String
  /// The role the statement describes, when it describes one.
  public var role: String?
  /// The statement in one line.
  public var text: String
  public var location: SourceLocation
}
