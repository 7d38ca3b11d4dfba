/// An assessment in progress: the questions in order, where the person is, and the answers.
///
/// A value type the REPL, workshops and the store share, so "where it stopped" is data: a run
/// can be saved after every answer and rebuilt exactly.
public struct AssessmentRun: Sendable, Hashable {
  /// Every question of the pack, in the pack's area order (the profile, which chooses the track, first).
  private var bank: [Question]
  /// Whether this run is the short adaptive form: it starts with the profile, and each next
  /// question is added (`append`) as the short form chooses it.
  public private(set) var isShort = false
  /// The questions in the order they are asked: the whole bank minus the other track's questions,
  /// once the profile has chosen a track.
  public var questions: [Question] {
    let track = Scorer.track(of: answers, questions: bank)
    return bank.filter { Scorer.applies($0, to: track) }
  }
  public private(set) var answers: AnswerSheet
  /// The index of the question being asked; `questions.count` when every question was passed.
  public private(set) var position: Int
  /// The positions visited, for `back`.
  private var trail: [Int] = []

  /// Starts a run over every question of the pack.
  public init(pack: ContentPack, answers: AnswerSheet = AnswerSheet(), position: Int = 0) {
    let order = Dictionary(uniqueKeysWithValues: pack.areas.enumerated().map { ($1.id, $0) })
    self.bank = pack.questions.enumerated().sorted {
      (order[$0.element.area] ?? .max, $0.offset) < (order[$1.element.area] ?? .max, $1.offset)
    }.map(\.element)
    self.answers = answers
    self.position = 0
    self.position = min(max(0, position), questions.count)
  }

  /// Starts the short adaptive form: the profile only, until questions are appended.
  public static func short(pack: ContentPack) -> AssessmentRun {
    var run = AssessmentRun(pack: pack)
    run.bank = ShortForm(pack: pack).profileQuestions
    run.isShort = true
    return run
  }

  /// Adds the next question the short form chose; it is asked after the questions already there.
  public mutating func append(_ question: Question) {
    guard !bank.contains(where: { $0.id == question.id }) else { return }
    bank.append(question)
  }

  /// Resumes where an earlier run stopped: the first question without an answer.
  public static func resuming(pack: ContentPack, answers: AnswerSheet) -> AssessmentRun {
    var run = AssessmentRun(pack: pack, answers: answers)
    run.position = run.questions.firstIndex { answers[$0.id] == nil } ?? run.questions.count
    return run
  }

  /// The question being asked, or `nil` at the end.
  public var current: Question? { position < questions.count ? questions[position] : nil }
  public var isFinished: Bool { position >= questions.count }
  /// How many questions have an answer.
  public var answeredCount: Int { questions.filter { answers[$0.id] != nil }.count }

  /// Records an answer to the current question and moves on.
  public mutating func answer(_ value: AnswerValue, seconds: Double? = nil) {
    guard let question = current else { return }
    answers[question.id] = value
    if let seconds { answers.seconds[question.id] = seconds }
    advance()
  }

  /// Leaves the current question unanswered (clearing an earlier answer) and moves on.
  public mutating func skip() {
    guard let question = current else { return }
    answers.values.removeValue(forKey: question.id)
    answers.seconds.removeValue(forKey: question.id)
    advance()
  }

  /// Goes back to the previous question; `false` at the first.
  @discardableResult
  public mutating func back() -> Bool {
    if let previous = trail.popLast() {
      position = previous
      return true
    }
    guard position > 0 else { return false }
    position -= 1
    return true
  }

  private mutating func advance() {
    trail.append(position)
    position += 1
  }
}
