import Dispatch
import Synchronization

/// Writes a workshop's changes to its recorder in the order they were made, off the callers'
/// threads, merging votes of one round that wait together into one transaction (group commit).
///
/// A hundred phones voting at once would otherwise queue for a hundred transactions, each with
/// its own sync to disk; here the first is written alone and the rest, arrived meanwhile, in one.
/// A caller is answered only once its change is written, so an acknowledged vote is a stored one.
final class WorkshopWriter: Sendable {
  /// A change to write.
  enum Write: Sendable {
    case votes([String: String], item: Int, round: Int)
    case other(@Sendable (any WorkshopRecorder) throws -> Void)
  }

  private struct Queue {
    var pending: [(ticket: Int, write: Write)] = []
    var lastTicket = 0
    var written = 0
    var scheduled = false
    var failed = false
    var waiters: [(ticket: Int, resume: @Sendable () -> Void)] = []
  }

  private let recorder: (any WorkshopRecorder)?
  private let queue = Mutex(Queue())
  private let worker = DispatchQueue(label: "rolefit.workshop.writer")
  /// Told once, on the writer's thread, when a write fails: saving stops, the workshop goes on.
  private let onFailure: @Sendable (String) -> Void

  init(recorder: (any WorkshopRecorder)?, onFailure: @escaping @Sendable (String) -> Void) {
    self.recorder = recorder
    self.onFailure = onFailure
  }

  /// Queues a change and returns its ticket; call it in the order the changes were made.
  func enqueue(_ write: Write) -> Int {
    let schedule = queue.withLock { queue -> (ticket: Int, schedule: Bool) in
      queue.lastTicket += 1
      guard recorder != nil, !queue.failed else {
        queue.written = queue.lastTicket
        return (queue.lastTicket, false)
      }
      queue.pending.append((queue.lastTicket, write))
      defer { queue.scheduled = true }
      return (queue.lastTicket, !queue.scheduled)
    }
    if schedule.schedule { worker.async { self.drain() } }
    return schedule.ticket
  }

  /// Blocks until the change with `ticket` (and every one before it) is written.
  func wait(for ticket: Int) {
    let done = DispatchSemaphore(value: 0)
    whenWritten(ticket) { done.signal() }
    done.wait()
  }

  /// Returns once the change with `ticket` (and every one before it) is written.
  func written(_ ticket: Int) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      whenWritten(ticket) { continuation.resume() }
    }
  }

  private func whenWritten(_ ticket: Int, _ resume: @escaping @Sendable () -> Void) {
    let now = queue.withLock { queue -> Bool in
      guard queue.written < ticket else { return true }
      queue.waiters.append((ticket, resume))
      return false
    }
    if now { resume() }
  }

  /// Writes everything queued, batch after batch, until the queue is empty.
  private func drain() {
    while true {
      let batch = queue.withLock { queue -> [(ticket: Int, write: Write)] in
        defer { queue.pending.removeAll() }
        if queue.pending.isEmpty { queue.scheduled = false }
        return queue.pending
      }
      guard let last = batch.last?.ticket else { return }
      var failure: String?
      if let recorder {
        do {
          for write in Self.merged(batch.map(\.write)) {
            switch write {
            case .votes(let votes, let item, let round): try recorder.recordVotes(votes, item: item, round: round)
            case .other(let action): try action(recorder)
            }
          }
        } catch {
          failure = "\(error)"
        }
      }
      let released = queue.withLock { queue -> [@Sendable () -> Void] in
        queue.written = max(queue.written, last)
        if failure != nil {
          // Saving stops; what is queued is let go, as it would have been refused too.
          queue.failed = true
          queue.written = queue.lastTicket
          queue.pending.removeAll()
        }
        let ready = queue.waiters.filter { $0.ticket <= queue.written }
        queue.waiters.removeAll { $0.ticket <= queue.written }
        return ready.map(\.resume)
      }
      if let failure { onFailure(failure) }
      for resume in released { resume() }
    }
  }

  /// Consecutive votes of one round become one write; a later vote of a participant wins.
  static func merged(_ writes: [Write]) -> [Write] {
    var out: [Write] = []
    for write in writes {
      if case .votes(let votes, let item, let round) = write, case .votes(var earlier, item, round)? = out.last {
        earlier.merge(votes) { _, later in later }
        out[out.count - 1] = .votes(earlier, item: item, round: round)
      } else {
        out.append(write)
      }
    }
    return out
  }
}
