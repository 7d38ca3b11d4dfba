/// Everything rolefit knows, loaded from a content pack folder.
///
/// A pack is plain YAML that trainers edit: `pack.yaml` (roles, areas, scales, scoring),
/// `claims.yaml` (the source statements), `questions/`, `credentials.yaml`, `paths.yaml`,
/// `jd.yaml` and `lexicon/` (the job-description engine), and `workshops/` (agendas).
public struct ContentPack: Sendable {
  /// The pack's id, such as `rolefit-core`.
  public var id: String
  public var name: String
  /// The pack's own version, recorded with every saved session.
  public var version: String
  /// When the pack's facts were last reviewed (`YYYY-MM-DD`).
  public var asOf: String
  /// Facts older than this many months draw a freshness warning.
  public var freshnessMonths: Int?
  public var roles: [Role]
  /// Roles only the self-assessment scores (from `other_roles`), so its result can say
  /// "neither": the work reads more like another job.
  public var otherRoles: [Role]
  public var areas: [Area]
  public var educationLevels: [EducationLevel]
  public var likert: [LikertPoint]
  public var scoring: ScoringRules
  public var sources: [Source]
  public var claims: [Claim]
  public var questions: [Question]
  public var credentials: [Credential]
  public var paths: [LearningPathDefinition]
  public var jobDescription: JobDescriptionRules?
  public var lexicon: [LexiconEntry]
  /// The fitted weights the job-description engine decides with, from `jd-model.yaml`; a pack
  /// without one decides with its lexicon's own weights (see `PostingModel.prior(for:)`).
  public var postingModel: PostingModel?
  /// The `clarify` interview, from `clarify.yaml`.
  public var clarify: [ClarifyQuestion]
  public var clarifyIntro: String?
  /// Workshop agendas, from `workshops/`.
  public var agendas: [Agenda]
  /// How `rolefit narrative` reads experience summaries, from `narrative.yaml`.
  public var narrative: NarrativeRules?
  /// Where `pack.yaml` is, for messages about the pack as a whole.
  public var location: SourceLocation

  /// The role with an id (the pack's roles; the job-description engine knows only these).
  public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
  /// The role with an id among the roles the self-assessment scores, other roles included.
  public func assessedRole(_ id: String) -> Role? { role(id) ?? otherRoles.first { $0.id == id } }
  /// The roles the self-assessment scores: the pack's roles, then its other roles.
  public var assessedRoles: [Role] { roles + otherRoles }
  /// Whether a role id is one of the assessment's other roles.
  public func isOtherRole(_ id: String) -> Bool { otherRoles.contains { $0.id == id } }
  /// The area with an id.
  public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
  /// The claim with an id.
  public func claim(_ id: String) -> Claim? { claims.first { $0.id == id } }
  /// The question with an id.
  public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
  /// The credential with an id.
  public func credential(_ id: String) -> Credential? { credentials.first { $0.id == id } }
  /// The agenda with an id.
  public func agenda(_ id: String) -> Agenda? { agendas.first { $0.id == id } }
  /// The source with an id.
  public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

  /// The position of an education level in the pack's order, or `nil` if unknown.
  public func educationRank(_ id: String) -> Int? { educationLevels.firstIndex { $0.id == id } }

  /// The questions whose answers count towards the fit.
  public var scoredQuestions: [Question] {
    let unscored = Set(areas.filter { !$0.scored }.map(\.id))
    return questions.filter { !unscored.contains($0.area) && $0.isScored }
  }
}
