import Foundation
import RolefitCore

/// What a saved session is: an assessment, a workshop or an analysed posting.
public enum SessionKind: String, Sendable, Hashable, CaseIterable {
  /// A self-assessment, finished or not.
  case assessment
  /// A calibration workshop.
  case workshop
  /// A job posting that was analysed.
  case posting
}

/// One line of the session list: what it was, when, how far it got and what it found.
public struct SessionSummary: Sendable, Hashable, Identifiable {
  /// The session's number, unique in its database and never reused.
  public var id: Int64
  /// What the session is.
  public var kind: SessionKind
  /// The workshop's name, or the posting's title (else its id); `nil` for an assessment.
  public var title: String?
  /// Whose assessment it is, when a name was given.
  public var person: String?
  /// The content pack the session used.
  public var packID: String?
  /// The content pack's version.
  public var packVersion: String?
  /// When it was started.
  public var started: Date
  /// When it last changed: the last answer, vote or note.
  public var updated: Date
  /// When it was finished, or `nil` while it is in progress.
  public var finished: Date?
  /// How many questions have an answer (assessments; 0 for other kinds).
  public var answered: Int
  /// How many questions the assessment has (0 for other kinds).
  public var total: Int
  /// The role it found, once finished.
  public var role: String?
  /// The band of the fit, once finished.
  public var band: String?
  /// The confidence in the fit, in [0, 1], once finished.
  public var confidence: Double?

  /// Whether the session has been finished.
  public var isFinished: Bool { finished != nil }
}

/// A saved session in full: its summary, and the answers and position to resume it from.
public struct SessionRecord: Sendable, Hashable {
  /// The posting a `posting` session analysed.
  public struct Posting: Sendable, Hashable {
    /// The posting's id in its batch, or the one given when it was pasted.
    public var id: String
    /// The posting's text, as analysed.
    public var text: String
  }

  /// What the session list shows of it.
  public var summary: SessionSummary
  /// The answers given so far, with the seconds each took when they were timed.
  public var answers: AnswerSheet
  /// The index of the question being asked when it was last saved.
  public var position: Int
  /// The result as JSON, once finished.
  public var resultJSON: String?
  /// The posting, for a `posting` session.
  public var posting: Posting?

  /// The session's number.
  public var id: Int64 { summary.id }
}
