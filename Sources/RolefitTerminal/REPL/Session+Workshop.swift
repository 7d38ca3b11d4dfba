import Foundation
import RolefitCore

extension Session {
  /// `workshop new NAME`, `workshop resume NAME`, `workshop list` at the main prompt.
  func workshop(_ argument: String?) -> Bool {
    let words = argument?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
    guard let library = workshops else {
      console.line("Workshops need the database; this session runs without one (--no-save or it could not be opened).")
      return true
    }
    switch (words.first?.lowercased(), words.count > 1 ? words[1] : nil) {
    case ("list", _):
      let lines = (try? library.list()) ?? []
      console.line(lines.isEmpty ? "No workshops yet. workshop new NAME starts one." : lines.joined(separator: "\n"))
    case ("new", let name?):
      guard let agenda = chooseAgenda(), let participants = askParticipants(), let facilitator = askFacilitator()
      else { return true }
      let session = WorkshopSession(
        name: name, agenda: agenda, pack: pack, participants: participants, facilitator: facilitator)
      do {
        let recorder = try library.create(session)
        return facilitate(session, recorder: recorder)
      } catch {
        console.line(styler.warning("\(error)"))
      }
    case ("resume", let name?):
      do {
        guard let found = try library.open(named: name, pack: pack) else {
          console.line("No workshop called '\(name)'. workshop list shows them.")
          return true
        }
        return facilitate(found.session, recorder: found.recorder)
      } catch {
        console.line(styler.warning("\(error)"))
      }
    default:
      let saved = (try? library.list()) ?? []
      console.line("Usage: workshop new NAME | workshop resume NAME | workshop list")
      if !saved.isEmpty { console.line("Saved workshops:\n" + saved.joined(separator: "\n")) }
    }
    return true
  }

  private func facilitate(_ session: WorkshopSession, recorder: any WorkshopRecorder) -> Bool {
    WorkshopFacilitator(
      session: session, pack: pack, console: console, reader: reader, recorder: recorder,
      clock: { [clock] in Date(timeIntervalSinceReferenceDate: clock()) }, serving: serving
    ).run()
  }

  private func chooseAgenda() -> Agenda? {
    guard !pack.agendas.isEmpty else {
      console.line("This content pack has no workshop agendas (content/workshops/).")
      return nil
    }
    for (index, agenda) in pack.agendas.enumerated() {
      console.line("  \(index + 1)  \(agenda.id): \(agenda.title) (\(agenda.minutes) min, \(agenda.items.count) items)")
    }
    reader.completion = CompletionContext(firstWord: pack.agendas.map(\.id))
    while true {
      guard case .line(let raw) = reader.readLine(prompt: "agenda> ", remember: false) else { return nil }
      let answer = raw.trimmingCharacters(in: .whitespaces)
      if let number = Int(answer), pack.agendas.indices.contains(number - 1) { return pack.agendas[number - 1] }
      if let agenda = pack.agenda(answer) { return agenda }
      console.line("Type a number or an agenda id.")
    }
  }

  private func askParticipants() -> [String]? {
    console.line("Participants, in the order their votes will be typed (comma-separated):")
    guard case .line(let raw) = reader.readLine(prompt: "participants> ", remember: false) else { return nil }
    let names = WorkshopRoster.parse(raw)
    guard !names.isEmpty else {
      console.line("No participants given.")
      return nil
    }
    return names
  }

  /// Who runs the workshop, for the record's header: a name, `.some(nil)` when Enter names
  /// nobody, or `nil` when input ends.
  private func askFacilitator() -> String?? {
    while true {
      guard case .line(let raw) = reader.readLine(prompt: "facilitator (Enter: none)> ", remember: false) else {
        return nil
      }
      let name = raw.trimmingCharacters(in: .whitespaces)
      if name.isEmpty { return .some(nil) }
      if WorkshopEngine.isValidName(name) { return name }
      console.line(WorkshopEngine.Refusal.nameInvalid.description)
    }
  }
}
