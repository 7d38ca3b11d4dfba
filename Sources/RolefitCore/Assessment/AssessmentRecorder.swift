/// Where an assessment is kept as it is taken: after every answer, so nothing is lost.
///
/// The store implements it; the REPL calls it and goes on in memory when it fails.
public protocol AssessmentRecorder: AnyObject {
  /// An unfinished assessment to offer for resumption, with when it was last touched.
  func resumableRun(pack: ContentPack) -> ResumableRun?
  /// Saves the run after an answer, a skip or a `back`, before the next question is shown.
  func save(_ run: AssessmentRun, pack: ContentPack) throws
  /// Records a finished assessment's result.
  func finish(_ run: AssessmentRun, report: AssessmentReport, pack: ContentPack) throws
  /// The answers of the last finished assessment kept (this person's), to show its result again
  /// after a restart; `nil` when there is none.
  func lastFinished(pack: ContentPack) -> AnswerSheet?
  /// Forgets the run in progress, so the next save starts a new assessment (`assess new`).
  func startAfresh()
  /// Whose assessments these are: the name given, or `nil`.
  var person: String? { get }
  /// Names whose assessments these are: later saves, resumption and results are that person's.
  func choose(person: String?)
  /// The names of the people with an unfinished assessment of this pack, most recent first.
  func unfinishedOwners(pack: ContentPack) -> [String]
}

/// An unfinished assessment, rebuilt on the current content pack.
public struct ResumableRun: Sendable {
  public var run: AssessmentRun
  /// When it was last answered, as the user should read it.
  public var when: String
  /// Questions answered before that this content no longer asks (a newer pack version): their
  /// answers are set aside, and questions new in this version are asked.
  public var setAside: [String]

  public init(run: AssessmentRun, when: String, setAside: [String]) {
    self.run = run
    self.when = when
    self.setAside = setAside
  }
}
