/// What `narrative.yaml` says about reading a candidate's PgMP experience summaries: the exam's
/// domains (with every outline version the sources give), patterns beyond the engine's lexicon,
/// and the questions to ask the candidate.
public struct NarrativeRules: Sendable, Hashable {
  /// One version of the exam outline, as a source gives it.
  public struct OutlineVersion: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var source: String
    public var asOf: String
    /// Domain names as this version gives them, by domain id (empty when it states none).
    public var names: [String: String]
    /// Domain weights in percent, by domain id (empty when it states none).
    public var weights: [String: Double]
    public var note: String?
  }

  /// An exam domain and the cues that show it in a summary.
  public struct Domain: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Lexicon entries whose evidence shows the domain.
    public var entries: [String]
    /// Further phrases that show it.
    public var phrases: [String]
    /// What to ask a candidate whose summary does not show it.
    public var question: String
    public var claims: [String]
  }

  /// What a sentence's pattern reads as.
  public enum Side: String, Sendable, Hashable {
    case program
    case project
  }

  /// A pattern in a sentence beyond the engine's lexicon.
  public struct Pattern: Sendable, Hashable, Identifiable {
    public var id: String
    public var side: Side
    /// Whether it shows program structure (several projects, their dependencies, benefits after delivery).
    public var isStructure: Bool
    public var weight: Double
    /// Lower-case words; `*` stands for any one word.
    public var phrases: [String]
    public var reason: String
    /// Questions for the candidate; `{phrase}` is the matched words.
    public var questions: [String]
    public var claims: [String]
  }

  /// The credential whose eligibility is shown with a profile.
  public var credential: String?
  /// Fewer sentences than this reading either way: not enough of either.
  public var minSentences: Int
  /// Whether a program reading needs a sentence with a structure pattern.
  public var programNeedsStructure: Bool
  /// Other kinds of work (job-description `other_kinds`) that read as project-level work.
  public var projectKinds: [String]
  public var outlineNote: String
  public var outline: [OutlineVersion]
  public var domains: [Domain]
  public var patterns: [Pattern]
  /// Asked about a project sentence that matches no project pattern.
  public var guidance: [String]
  public var guidanceClaims: [String]
}
