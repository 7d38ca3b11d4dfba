import Foundation
import RolefitCore
import Synchronization

/// Keeps the REPL's assessment in the store: the `AssessmentRecorder` the terminal layer uses.
///
/// It remembers which session the run in progress is, so every `save` after an answer updates
/// that session, and the next run after `finish` starts a new one.
public final class StoreRecorder: AssessmentRecorder, Sendable {
  /// The store the sessions go to.
  public let store: Store
  /// Whose assessments these are, when a name was given.
  public var person: String? { name.withLock { $0 } }
  private let name: Mutex<String?>
  /// The session of the run in progress, once it has one.
  private let current = Mutex<Int64?>(nil)

  /// Creates a recorder for one person's assessments.
  public init(store: Store, person: String? = nil) {
    self.store = store
    let trimmed = person?.trimmingCharacters(in: .whitespacesAndNewlines)
    self.name = Mutex(trimmed?.isEmpty == false ? trimmed : nil)
  }

  /// Names whose assessments these are; a different person's run in progress is let go.
  public func choose(person: String?) {
    let trimmed = person?.trimmingCharacters(in: .whitespacesAndNewlines)
    let chosen = trimmed?.isEmpty == false ? trimmed : nil
    let changed = name.withLock { old in
      defer { old = chosen }
      return Store.key(old) != Store.key(chosen)
    }
    if changed { current.withLock { $0 = nil } }
  }

  /// The unfinished assessment to offer, rebuilt on `pack`: the one chosen with
  /// `resume(session:pack:)`, else the most recent one of this pack that has answers.
  ///
  /// Answers the pack no longer accepts (a question or option removed in a new version) are
  /// dropped; the run resumes at its saved position when the pack version is the same, else at
  /// the first unanswered question.
  public func resumableRun(pack: ContentPack) -> ResumableRun? {
    let found: SessionRecord?
    if let chosen = current.withLock({ $0 }) {
      found = try? store.session(chosen)
    } else {
      found = try? store.unfinishedAssessment(of: person, packID: pack.id)
    }
    guard let record = found, record.summary.kind == .assessment, !record.summary.isFinished,
      !record.answers.values.isEmpty
    else { return nil }
    let rebuilt = Self.rebuild(record, pack: pack)
    guard rebuilt.run.answeredCount > 0 else { return nil }
    current.withLock { $0 = record.id }
    return ResumableRun(run: rebuilt.run, when: Self.describe(record.summary.updated), setAside: rebuilt.dropped)
  }

  /// Chooses an unfinished assessment to go on with: later saves go to it.
  ///
  /// - Parameters:
  ///   - id: The session.
  ///   - pack: The content pack to rebuild the run on.
  /// - Returns: The run, and the ids of the questions whose answers `pack` no longer accepts
  ///   (left out of the run); `nil` when there is no unfinished assessment with that number.
  /// - Throws: `StoreError` when the database cannot be read.
  public func resume(session id: Int64, pack: ContentPack) throws(StoreError) -> (
    run: AssessmentRun, dropped: [String]
  )? {
    guard let record = try store.session(id), record.summary.kind == .assessment, !record.summary.isFinished else {
      return nil
    }
    current.withLock { $0 = id }
    return Self.rebuild(record, pack: pack)
  }

  /// A saved assessment as a run on `pack`, and the answers `pack` does not accept.
  static func rebuild(_ record: SessionRecord, pack: ContentPack) -> (run: AssessmentRun, dropped: [String]) {
    var answers = AnswerSheet()
    var dropped: [String] = []
    for (id, value) in record.answers.values {
      guard case .success(let valid)? = pack.question(id)?.validate(value) else {
        dropped.append(id)
        continue
      }
      answers[id] = valid
      answers.seconds[id] = record.answers.seconds[id]
    }
    let run =
      record.summary.packID == pack.id && record.summary.packVersion == pack.version
      ? AssessmentRun(pack: pack, answers: answers, position: record.position)
      : AssessmentRun.resuming(pack: pack, answers: answers)
    return (run, dropped.sorted())
  }

  /// Saves the run after an answer, starting a session for it on the first save.
  public func save(_ run: AssessmentRun, pack: ContentPack) throws {
    try store.saveAnswers(session: try session(pack: pack), run: run)
  }

  /// Records the finished run's result; the next save starts a new session.
  public func finish(_ run: AssessmentRun, report: AssessmentReport, pack: ContentPack) throws {
    let id = try session(pack: pack)
    try store.saveAnswers(session: id, run: run)
    let json = AssessmentRenderer(pack: pack).render(report, as: .json)
    try store.finishAssessment(session: id, report: report, resultJSON: json)
    current.withLock { $0 = nil }
  }

  /// The names of the people with an unfinished assessment of this pack, most recently touched first.
  public func unfinishedOwners(pack: ContentPack) -> [String] {
    let sessions = (try? store.sessions(kind: .assessment)) ?? []
    var seen: Set<String> = []
    return sessions.filter { !$0.isFinished && $0.answered > 0 && $0.packID == pack.id }
      .sorted { $0.updated > $1.updated }
      .compactMap(\.person)
      .filter { seen.insert(Store.key($0) ?? $0).inserted }
  }

  /// The answers of this person's last finished assessment, to show its result after a restart.
  public func lastFinished(pack: ContentPack) -> AnswerSheet? {
    guard let record = try? store.lastFinishedAssessment(of: person) else { return nil }
    return Self.rebuild(record, pack: pack).run.answers
  }

  /// Forgets the run in progress, so the next save starts a new session.
  ///
  /// For `assess new`: the old session stays in the store, unfinished, for `rolefit sessions`.
  public func startAfresh() {
    current.withLock { $0 = nil }
  }

  /// The session of the run in progress, started now if there is none.
  private func session(pack: ContentPack) throws(StoreError) -> Int64 {
    if let id = current.withLock({ $0 }) { return id }
    let id = try store.startAssessment(packID: pack.id, packVersion: pack.version, person: person)
    current.withLock { $0 = id }
    return id
  }

  /// A date as the REPL shows it: local time to the minute, `2026-11-24 01:15`.
  static func describe(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}
