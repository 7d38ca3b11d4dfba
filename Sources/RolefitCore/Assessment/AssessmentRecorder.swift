/// Where an assessment is kept as it is taken: after every answer, so nothing is lost.
///
/// The store implements it; the REPL calls it and goes on in memory when it fails.
public protocol AssessmentRecorder: AnyObject {
  /// An unfinished assessment to offer for resumption, with when it was last touched.
  func resumableRun(pack: ContentPack) -> (run: AssessmentRun, when: String)?
  /// Saves the run after an answer, a skip or a `back`, before the next question is shown.
  func save(_ run: AssessmentRun, pack: ContentPack) throws
  /// Records a finished assessment's result.
  func finish(_ run: AssessmentRun, report: AssessmentReport, pack: ContentPack) throws
}
