/// The pieces of a pack as they are read, assembled into a `ContentPack` at the end.
struct PackParts {
  var id: String?
  var name: String?
  var version: String?
  var asOf: String?
  var freshnessMonths: Int?
  var location = SourceLocation(file: "pack.yaml")
  var roles: [Role] = []
  var otherRoles: [Role] = []
  var areas: [Area] = []
  var educationLevels: [EducationLevel] = []
  var likert: [LikertPoint] = []
  var scoring: ScoringRules?
  var sources: [Source] = []
  var claims: [Claim] = []
  /// Questions as read; Likert options are filled in once the scale is known.
  var questions: [Question] = []
  var likertKeys: [String: (agree: [String: Double], disagree: [String: Double])] = [:]
  var credentials: [Credential] = []
  var paths: [LearningPathDefinition] = []
  var jobDescription: JobDescriptionRules?
  var lexicon: [LexiconEntry] = []
  var postingModel: PostingModel?
  /// Where each fitted entry's weights are written, for messages once the lexicon is read.
  var postingModelEntryLocations: [String: SourceLocation] = [:]
  var clarify: [ClarifyQuestion] = []
  var clarifyIntro: String?
  var agendas: [Agenda] = []
  var narrative: NarrativeRules?

  func assemble() -> ContentPack? {
    guard let id, let name, let version, let asOf, let scoring else { return nil }
    let questions = self.questions.map { question -> Question in
      guard question.kind == .likert, let keys = likertKeys[question.id] else { return question }
      var expanded = question
      expanded.options = likert.map { point in
        AnswerOption(id: point.id, text: point.text, weights: Self.interpolate(keys, at: point.value))
      }
      return expanded
    }
    return ContentPack(
      id: id, name: name, version: version, asOf: asOf, freshnessMonths: freshnessMonths,
      roles: roles, otherRoles: otherRoles, areas: areas, educationLevels: educationLevels, likert: likert,
      scoring: scoring,
      sources: sources, claims: claims, questions: questions, credentials: credentials, paths: paths,
      jobDescription: jobDescription, lexicon: lexicon, postingModel: postingModel, clarify: clarify,
      clarifyIntro: clarifyIntro, agendas: agendas, narrative: narrative,
      location: location
    )
  }

  /// The weights of a Likert point: `value` of the agree weights plus the rest of the disagree ones.
  static func interpolate(
    _ keys: (agree: [String: Double], disagree: [String: Double]), at value: Double
  ) -> [String: Double] {
    var weights: [String: Double] = [:]
    for (role, weight) in keys.agree { weights[role, default: 0] += weight * value }
    for (role, weight) in keys.disagree { weights[role, default: 0] += weight * (1 - value) }
    return weights.filter { $0.value > 0 }
  }
}
