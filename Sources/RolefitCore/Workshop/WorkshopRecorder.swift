import Foundation

/// Where a workshop is kept as it runs: every vote, note, roster change and move, so a session interrupted mid-item resumes where it stopped.
///
/// The store implements it. Sendable: the facilitator's terminal and the participants' web pages
/// record through the same one, one change at a time.
public protocol WorkshopRecorder: AnyObject, Sendable {
  func recordVotes(_ votes: [String: String], item: Int, round: Int) throws
  func recordNote(_ text: String, item: Int) throws
  func recordParticipant(_ name: String) throws
  func recordPosition(item: Int, round: Int) throws
  /// A section of the agenda was opened for the first time.
  func recordSectionStart(_ section: Int, at date: Date) throws
  /// The group left the agenda's last item at `date` (the end of the last section's time), or,
  /// with `nil`, went back into the agenda.
  func recordEnd(at date: Date?) throws
  /// A round's result was shown: a resumed workshop shows it as revealed.
  func recordReveal(item: Int, round: Int) throws
  /// The secret in the participants' join link, kept so the link survives a restart.
  func recordJoinToken(_ token: String) throws
  /// A device joined as a participant; its cookie's secret is kept so it stays joined after a restart.
  func recordDevice(_ device: String, participant: String) throws
}

/// Where workshops are created, found and listed; the store implements it.
public protocol WorkshopLibrary: AnyObject {
  /// Creates a workshop and returns its recorder; throws when the name is taken.
  func create(_ session: WorkshopSession) throws -> any WorkshopRecorder
  /// A saved workshop rebuilt on the pack, with its recorder, or `nil` when there is none.
  func open(named name: String, pack: ContentPack) throws -> (session: WorkshopSession, recorder: any WorkshopRecorder)?
  /// One line per workshop: name, agenda, participants, where it stands.
  func list() throws -> [String]
  /// The workshops' names, most recently changed first: what `workshop resume` completes.
  func names() throws -> [String]
  /// Stores a participant's imported answers; `false` when they were imported before.
  func importAnswers(workshop name: String, participant: String, answers: AnswerSheet, from file: String) throws -> Bool
}
