/// A workshop agenda: timed sections of items the group votes on.
public struct Agenda: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var audience: String
  public var minutes: Int
  public var summary: String
  /// Normalised disagreement above which the facilitator is told to discuss and revote.
  public var discussAbove: Double
  public var sections: [AgendaSection]
  public var location: SourceLocation

  /// Every item in order, with its section's index.
  public var items: [(section: Int, item: AgendaItem)] {
    sections.enumerated().flatMap { index, section in section.items.map { (index, $0) } }
  }
}

/// A timed part of an agenda.
public struct AgendaSection: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var minutes: Int
  public var items: [AgendaItem]
}

/// Something the group votes on, with what the facilitator needs to teach from it.
public struct AgendaItem: Sendable, Hashable, Identifiable {
  /// What is voted on.
  public enum Content: Sendable, Hashable {
    /// A question of the bank, by id.
    case question(String)
    /// A scenario card with its own options.
    case scenario(text: String, options: [ScenarioOption])
    /// A job posting to classify with the job-description engine.
    case posting(title: String, text: String)
  }

  /// An option of a scenario card.
  public struct ScenarioOption: Sendable, Hashable, Identifiable {
    public var id: String
    public var text: String
    /// The role this answer reflects, if any.
    public var leans: String?
  }

  /// The question id, or the scenario or posting id.
  public var id: String
  public var content: Content
  /// Why the item separates the roles, for the facilitator.
  public var note: String
  public var claims: [String]
  public var prompts: [String]
  public var location: SourceLocation
}
