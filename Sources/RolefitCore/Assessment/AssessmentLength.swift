/// How long the self-assessment takes on a track, from what there is to read.
///
/// An honest estimate rather than a promise: the words of every question and option asked,
/// read at the pack's reading speed, plus the pack's time to choose per answer.
public struct AssessmentLength: Sendable, Hashable {
  /// The questions asked on the track, profile included.
  public var questions: Int
  /// The questions that count towards the result.
  public var scored: Int
  /// The words to read: question texts and option texts.
  public var words: Int
  /// The estimated minutes, rounded up.
  public var minutes: Int

  /// The length of a track of a pack (the full form).
  public init(pack: ContentPack, track: AssessmentTrack) {
    let asked = pack.questions.filter { Scorer.applies($0, to: track) }
    let scored = Scorer(pack: pack).questions(for: track)
    self.init(questions: asked, scored: scored.count, reading: pack.scoring.reading)
  }

  /// The length of a given list of questions.
  public init(questions: [Question], scored: Int, reading: ScoringRules.Reading) {
    self.questions = questions.count
    self.scored = scored
    self.words = questions.map { question in
      Self.words(question.text) + question.options.map { Self.words($0.text) }.reduce(0, +)
    }.reduce(0, +)
    let seconds =
      Double(words) / reading.wordsPerMinute * 60 + Double(questions.count) * reading.secondsPerAnswer
    self.minutes = max(1, Int((seconds / 60).rounded(.up)))
  }

  static func words(_ text: String) -> Int { text.split { $0 == " " || $0 == "\n" }.count }
}
