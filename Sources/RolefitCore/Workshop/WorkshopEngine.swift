import Foundation
import Synchronization

/// The one place a running workshop changes: votes, reveals, revotes, moves, notes, the roster,
/// the timer and the participants' devices.
///
/// The facilitator's terminal and the participants' web pages both drive it, from different
/// threads: every change happens under one lock and is queued for the recorder in that order;
/// the caller is answered once it is written (so a vote acknowledged is a vote stored), and
/// observers hear of it after that. Votes that wait together are written together.
public final class WorkshopEngine: Sendable {
  /// Who made a change.
  public enum Origin: Sendable, Equatable {
    /// Typed at the facilitator's terminal.
    case terminal
    /// Sent from a participant's own device.
    case device
  }

  /// A change observers hear about, after it is recorded.
  public enum Event: Sendable, Equatable {
    /// Votes arrived for the current round; `waiting` is who has still not voted.
    case voted(participants: [String], origin: Origin, waiting: [String], of: Int)
    /// Someone joined the roster or claimed their name from a device.
    case joined(String, origin: Origin)
    /// The item, the round, a reveal, a note or the timer changed.
    case moved
    /// Keeping the workshop failed; it goes on in memory. Said once.
    case savingFailed(String)
  }

  /// Why a participant's request was refused; nothing of it is recorded.
  public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownDevice
    case notOnRoster(String)
    case nameTaken(String)
    case nameInvalid
    case rosterClosed
    case unknownOption(String)
    case alreadyRevealed
    case agendaOver

    public var description: String {
      switch self {
      case .unknownDevice: return "this device has not joined; open the join link again"
      case .notOnRoster(let name): return "nobody called '\(name)' is on the roster"
      case .nameTaken(let name): return "\(name) has already joined from another device"
      case .nameInvalid:
        return "a name is 1 to \(WorkshopEngine.longestName) characters, with no control characters or '='"
      case .rosterClosed: return "the facilitator has not opened the roster; choose a name from it"
      case .unknownOption(let option): return "'\(option.prefix(WorkshopEngine.longestName))' is not an option here"
      case .alreadyRevealed: return "this round was revealed; wait for a revote or the next item"
      case .agendaOver: return "the agenda is over"
      }
    }
  }

  /// The longest participant name accepted from a device or a roster change.
  public static let longestName = 40

  private struct State {
    var session: WorkshopSession
    /// The last change queued for the recorder.
    var ticket = 0
    /// Roster names by their lower case, so a name is found without reading the roster.
    var roster: [String: String]
    /// Participants who joined from a device.
    var claimed: Set<String>
    /// Whether a device may add a name that is not on the roster.
    var openRoster = false
    var observers: [Int: @Sendable (Event) -> Void] = [:]
    var nextObserver = 0
    /// Counts every change, so a page can tell it is out of date.
    var version = 0
  }

  public let pack: ContentPack
  private let clock: @Sendable () -> Date
  private let state: Mutex<State>
  private let writer: WorkshopWriter

  /// Wraps a session; `recorder` keeps every change, `nil` runs in memory only.
  public init(
    session: WorkshopSession, pack: ContentPack, recorder: (any WorkshopRecorder)?,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.pack = pack
    self.clock = clock
    let relay = FailureRelay()
    writer = WorkshopWriter(recorder: recorder) { relay.tell($0) }
    state = Mutex(
      State(
        session: session,
        roster: Dictionary(session.participants.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first }),
        claimed: Set(session.devices.values)))
    relay.listener.withLock { listener in
      listener = { [weak self] failure in
        guard let self else { return }
        self.announce(.savingFailed(failure), to: self.state.withLock { Array($0.observers.values) })
      }
    }
  }

  // MARK: Reading

  /// The workshop as it stands.
  public var session: WorkshopSession { state.withLock { $0.session } }

  /// A number that grows with every change.
  public var version: Int { state.withLock { $0.version } }

  /// The session and the version it belongs to, read together.
  public var snapshot: (session: WorkshopSession, version: Int) { state.withLock { ($0.session, $0.version) } }

  /// Whether a device may join under a name not on the roster.
  public var rosterIsOpen: Bool {
    get { state.withLock { $0.openRoster } }
    set { state.withLock { $0.openRoster = newValue } }
  }

  /// The time, as the engine reads it.
  public var now: Date { clock() }

  /// The participant a device's cookie stands for, if it joined.
  public func participant(device: String) -> String? { state.withLock { $0.session.devices[device] } }

  /// The current round's reveal when it has been revealed, else `nil`.
  public func shownReveal() -> WorkshopReveal? {
    let session = self.session
    guard session.revealed.contains(WorkshopSession.RoundKey(item: session.position, round: session.round)) else {
      return nil
    }
    return WorkshopReveal.current(of: session, pack: pack)
  }

  /// Calls `observer` after every change, on the thread that made it; the returned number stops it.
  @discardableResult
  public func observe(_ observer: @escaping @Sendable (Event) -> Void) -> Int {
    state.withLock { state in
      state.nextObserver += 1
      state.observers[state.nextObserver] = observer
      return state.nextObserver
    }
  }

  /// Stops an observer.
  public func stopObserving(_ id: Int) { _ = state.withLock { $0.observers.removeValue(forKey: id) } }

  // MARK: Votes

  /// What a typed vote line did.
  public struct LineOutcome: Sendable, Equatable {
    public var votes: [String: String]
    /// The round was revealed before these votes: reveal again to show them.
    public var afterReveal: Bool
    /// Who has still not voted.
    public var waiting: [String]
  }

  /// Records a vote line typed by the facilitator (`a b a`, `ana=a`); corrections after a reveal
  /// are kept and said to be.
  public func record(line: String) -> Result<LineOutcome, VoteLine.Problem> {
    let result = change { state -> Result<LineOutcome, VoteLine.Problem> in
      guard let current = state.session.current else { return .failure(.empty) }
      let options = state.session.options(for: current.item, pack: pack).map(\.id)
      switch VoteLine.parse(line, participants: state.session.participants, options: options) {
      case .failure(let problem):
        return .failure(problem)
      case .success(let parsed):
        let afterReveal = store(parsed.votes, in: &state)
        return .success(LineOutcome(votes: parsed.votes, afterReveal: afterReveal, waiting: state.session.waitingFor))
      }
    }
    if case .success(let outcome) = result.value {
      announce(
        .voted(
          participants: outcome.votes.keys.sorted(), origin: .terminal, waiting: outcome.waiting,
          of: result.participantCount), to: result.observers)
    }
    return result.value
  }

  /// Records a vote sent from a participant's device, replacing their earlier vote of the round.
  ///
  /// Refused once the round is revealed. Returns once the vote is written, without holding a thread.
  ///
  /// - Returns: The option recorded, by its id.
  /// - Throws: `Refusal` when the device has not joined, the option is not one, or the round was revealed.
  public func vote(device: String, option typed: String) async throws(Refusal) -> String {
    let result = changeQueued { state -> Result<(name: String, option: String, waiting: [String]), Refusal> in
      guard let name = state.session.devices[device] else { return .failure(.unknownDevice) }
      guard let current = state.session.current else { return .failure(.agendaOver) }
      let key = WorkshopSession.RoundKey(item: state.session.position, round: state.session.round)
      guard !state.session.revealed.contains(key) else { return .failure(.alreadyRevealed) }
      let options = state.session.options(for: current.item, pack: pack).map(\.id)
      guard let option = VoteLine.option(typed, among: options) else { return .failure(.unknownOption(typed)) }
      _ = store([name: option], in: &state)
      return .success((name, option, state.session.waitingFor))
    }
    switch result.value {
    case .failure(let refusal):
      throw refusal
    case .success(let vote):
      if let ticket = result.ticket { await writer.written(ticket) }
      announce(
        .voted(participants: [vote.name], origin: .device, waiting: vote.waiting, of: result.participantCount),
        to: result.observers)
      return vote.option
    }
  }

  /// Records votes in the current round; `true` when it was revealed before them.
  private func store(_ votes: [String: String], in state: inout State) -> Bool {
    state.session.record(votes)
    let (item, round) = (state.session.position, state.session.round)
    persistVotes(&state, votes, item: item, round: round)
    return state.session.revealed.contains(WorkshopSession.RoundKey(item: item, round: round))
  }

  // MARK: The facilitator's moves

  /// What asking for a reveal gave.
  public enum RevealOutcome: Sendable, Equatable {
    case shown(WorkshopReveal)
    case noVotes
    case agendaOver
  }

  /// Shows the current round's result; it stays shown after a resume.
  public func reveal() -> RevealOutcome {
    let result = change { state -> RevealOutcome in
      guard state.session.current != nil else { return .agendaOver }
      guard let reveal = WorkshopReveal.current(of: state.session, pack: pack) else { return .noVotes }
      let key = WorkshopSession.RoundKey(item: state.session.position, round: state.session.round)
      state.session.revealed.insert(key)
      persist(&state) { try $0.recordReveal(item: key.item, round: key.round) }
      return .shown(reveal)
    }
    finish(result, moved: { if case .shown = $0 { true } else { false } })
    return result.value
  }

  /// Opens a new round on the current item; the earlier rounds are kept.
  ///
  /// - Returns: `false` after the agenda, where there is nothing to revote.
  @discardableResult
  public func revote() -> Bool {
    let result = change { state -> Bool in
      guard state.session.current != nil else { return false }
      state.session.revote()
      let (item, round) = (state.session.position, state.session.round)
      persist(&state) { try $0.recordPosition(item: item, round: round) }
      return true
    }
    finish(result, moved: { $0 })
    return result.value
  }

  /// Goes to an item (clamped to the agenda; past the last finishes it), at its latest round.
  public func move(to item: Int) {
    let result = change { state in
      moveKeepingTime(&state, to: item)
      let (position, round) = (state.session.position, state.session.round)
      persist(&state) { try $0.recordPosition(item: position, round: round) }
    }
    finish(result, moved: { true })
  }

  /// Opens the item the session stands at, recording its section's start if it is the first time.
  public func open() {
    let result = change { state in moveKeepingTime(&state, to: state.session.position) }
    finish(result, moved: { false })
  }

  private func moveKeepingTime(_ state: inout State, to item: Int) {
    let before = state.session.sectionStarted
    let endedBefore = state.session.ended
    state.session.move(to: item, now: clock())
    for (section, date) in state.session.sectionStarted where before[section] == nil {
      persist(&state) { try $0.recordSectionStart(section, at: date) }
    }
    let ended = state.session.ended
    if ended != endedBefore { persist(&state) { try $0.recordEnd(at: ended) } }
  }

  /// Keeps a facilitator's note on the current item; after the last item it is a closing note.
  ///
  /// - Returns: The item it was kept on, from 0.
  @discardableResult
  public func note(_ text: String) -> Int {
    let result = change { state -> Int in
      let item = state.session.position
      state.session.notes[item, default: []].append(text)
      persist(&state) { try $0.recordNote(text, item: item) }
      return item
    }
    finish(result, moved: { _ in true })
    return result.value
  }

  /// Changes the current section's timer (kept in memory: a resumed workshop starts from the plan).
  public func adjustTimer(_ change: WorkshopSession.TimerChange) {
    let result = self.change { state in state.session.adjustTimer(change, now: clock()) }
    finish(result, moved: { true })
  }

  // MARK: The roster and devices

  /// Whether a name can be on the roster: not empty, not too long, no control characters, no `=`.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= longestName && !name.contains("=")
      && !name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.value == 0x7F }
  }

  /// Adds someone to the roster from the terminal.
  ///
  /// - Returns: `false` when the name (in any case) is on it already.
  public func addParticipant(_ name: String) throws(Refusal) -> Bool {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    guard Self.isValidName(trimmed) else { throw .nameInvalid }
    let result = change { state -> Bool in addToRoster(trimmed, in: &state) }
    if result.value { announce(.joined(trimmed, origin: .terminal), to: result.observers) }
    return result.value
  }

  private func addToRoster(_ name: String, in state: inout State) -> Bool {
    guard state.roster[name.lowercased()] == nil else { return false }
    state.roster[name.lowercased()] = name
    state.session.participants.append(name)
    persist(&state) { try $0.recordParticipant(name) }
    return true
  }

  /// The join token of the participants' page, made (and kept) the first time it is asked for.
  public func joinToken() -> String {
    let result = change { state -> String in
      if let token = state.session.joinToken { return token }
      let token = Self.secret()
      state.session.joinToken = token
      persist(&state) { try $0.recordJoinToken(token) }
      return token
    }
    return result.value
  }

  /// Binds a new device to a participant: a name on the roster nobody has claimed, or, when the
  /// roster is open, a new name added to it.
  ///
  /// - Returns: The participant's name as on the roster and the device's secret for its cookie.
  public func join(name typed: String) throws(Refusal) -> (name: String, device: String) {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    guard Self.isValidName(trimmed) else { throw .nameInvalid }
    let result = change { state -> Result<(name: String, device: String, added: Bool), Refusal> in
      var added = false
      let name: String
      if let onRoster = state.roster[trimmed.lowercased()] {
        name = onRoster
      } else {
        guard state.openRoster else { return .failure(.notOnRoster(trimmed)) }
        added = addToRoster(trimmed, in: &state)
        name = trimmed
      }
      guard !state.claimed.contains(name) else { return .failure(.nameTaken(name)) }
      let device = Self.secret()
      state.session.devices[device] = name
      state.claimed.insert(name)
      persist(&state) { try $0.recordDevice(device, participant: name) }
      return .success((name, device, added))
    }
    switch result.value {
    case .failure(let refusal): throw refusal
    case .success(let joined):
      announce(.joined(joined.name, origin: .device), to: result.observers)
      return (joined.name, joined.device)
    }
  }

  /// 128 random bits as 32 hexadecimal digits, from the system's secure generator.
  public static func secret() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let value = generator.next() as UInt64
      let hex = String(value, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  // MARK: Plumbing

  private struct Changed<Value: Sendable>: Sendable {
    var value: Value
    var observers: [@Sendable (Event) -> Void]
    /// The last write this change queued, if it queued any.
    var ticket: Int?
    var participantCount: Int
  }

  /// Makes a change and waits until what it queued is written.
  private func change<Value: Sendable>(_ body: @Sendable (inout State) -> Value) -> Changed<Value> {
    let result = changeQueued(body)
    if let ticket = result.ticket { writer.wait(for: ticket) }
    return result
  }

  /// Makes a change; its writes are queued, not yet done.
  private func changeQueued<Value: Sendable>(_ body: @Sendable (inout State) -> Value) -> Changed<Value> {
    state.withLock { state in
      let before = state.ticket
      let value = body(&state)
      state.version += 1
      return Changed(
        value: value, observers: Array(state.observers.values), ticket: state.ticket > before ? state.ticket : nil,
        participantCount: state.session.participants.count)
    }
  }

  private func finish<Value: Sendable>(_ result: Changed<Value>, moved: (Value) -> Bool) {
    if moved(result.value) { announce(.moved, to: result.observers) }
  }

  private func announce(_ event: Event, to observers: [@Sendable (Event) -> Void]) {
    for observer in observers { observer(event) }
  }

  /// Queues a recorder call in the order of the changes; the first failure stops saving (the
  /// workshop goes on in memory).
  private func persist(_ state: inout State, _ action: @escaping @Sendable (any WorkshopRecorder) throws -> Void) {
    state.ticket = writer.enqueue(.other(action))
  }

  /// Queues votes: those of one round waiting together are written in one transaction.
  private func persistVotes(_ state: inout State, _ votes: [String: String], item: Int, round: Int) {
    state.ticket = writer.enqueue(.votes(votes, item: item, round: round))
  }
}

/// Carries the writer's failure to the engine, which exists only after the writer does.
final class FailureRelay: Sendable {
  let listener = Mutex<(@Sendable (String) -> Void)?>(nil)

  func tell(_ failure: String) { listener.withLock { $0 }?(failure) }
}
