/// Everything an assessment produces, ready to render: result, profile and learning plan.
public struct AssessmentReport: Sendable, Hashable {
  public var packID: String
  public var packVersion: String
  public var answers: AnswerSheet
  public var result: AssessmentResult
  public var profile: Profile
  public var plan: LearningPlan?
  /// The questions the short form asked, in order; `nil` for the full form.
  public var asked: [String]?

  /// Scores the answers and plans the learning path towards the leading role.
  public init(pack: ContentPack, answers: AnswerSheet) {
    self.packID = pack.id
    self.packVersion = pack.version
    self.answers = answers
    self.result = Scorer(pack: pack).score(answers)
    self.profile = Profile(answers: answers, pack: pack)
    self.plan =
      result.fit.isUnclear ? nil : LearningPlanner(pack: pack).plan(towards: result.fit.role, profile: profile)
  }
}
