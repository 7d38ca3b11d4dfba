import Foundation
import RolefitCore

/// A workshop with something in every part of its record: two rounds on one item, a single
/// round on a later one, the last posting voted on, notes, and one participant who imported an assessment.
enum TestWorkshops {
  static func session(
    pack: ContentPack, name: String = "calibration", participants: [String] = ["Ana", "Ben", "Chen"],
    note: String = "fleet analogy settled it"
  ) throws -> WorkshopSession {
    guard
      let agenda = pack.agendas.first(where: { agenda in
        agenda.items.contains { if case .posting = $0.item.content { true } else { false } }
      }) ?? pack.agendas.first
    else { throw ContentError.invalid([]) }
    var session = WorkshopSession(name: name, agenda: agenda, pack: pack, participants: participants)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    session.move(to: 0, now: start)
    let first = session.options(for: session.items[0].item, pack: pack).map(\.id)
    session.record(Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1, first[$0 % 2]) }))
    session.revote()
    session.record(Dictionary(uniqueKeysWithValues: participants.map { ($0, first[1]) }))
    session.notes[0, default: []].append(note)
    if let later = session.items.firstIndex(where: { $0.section > 0 }) {
      session.move(to: later, now: start.addingTimeInterval(14 * 60))
      let options = session.options(for: session.items[later].item, pack: pack).map(\.id)
      session.record(Dictionary(uniqueKeysWithValues: participants.map { ($0, options[0]) }))
    }
    if let posting = session.items.lastIndex(where: { if case .posting = $0.item.content { true } else { false } }) {
      session.move(to: posting, now: start.addingTimeInterval(40 * 60))
      let options = session.options(for: session.items[posting].item, pack: pack).map(\.id)
      session.record(
        Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1, options[$0 % options.count]) }))
    }
    var answers = AnswerSheet()
    answers["profile.track"] = .choice("current")
    answers["resp.shared-devops"] = .choice("b")
    answers["profile.education"] = .choice("bachelor")
    answers["profile.project-months"] = .number(30)
    session.importedAnswers[participants[0]] = answers
    return session
  }
}
