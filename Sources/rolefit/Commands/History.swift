import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit history`: how a person's fit and learning path changed across assessments.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How your fit and learning path changed across your finished assessments.")

  @Option(
    help: ArgumentHelp(
      "Whose history (the name given when assessing); without it, each person's history is shown apart.",
      valueName: "name"))
  var person: String?
  @OptionGroup var store: DatabaseOptions
  @OptionGroup var content: ContentOptions

  func run() throws {
    try reportingErrors {
      let opened = try store.openForReading()
      let pack = try content.load(sections: .assessment)
      let console = Console.standardOutput
      // Each person's history apart: two people on one machine are never one trend.
      let finished = try storeCall { try opened.history(person: person) }
      let people: [String?] =
        person != nil
        ? [person] : Array(Set(finished.map { $0.person.map(Self.key) })).sorted { ($0 ?? "") < ($1 ?? "") }
      guard !finished.isEmpty else {
        console.line(
          "No finished assessments yet" + (person.map { " for \($0)" } ?? "") + ". `rolefit assess` takes one.")
        return
      }
      for (index, key) in people.enumerated() {
        let theirs = person != nil ? finished : finished.filter { $0.person.map(Self.key) == key }
        if people.count > 1 || key != nil {
          if index > 0 { console.line("") }
          console.line(console.styler.bold(theirs.first?.person ?? "Unnamed assessments"))
        }
        var points: [HistoryPoint] = []
        for summary in theirs {
          let record = try storeCall { try opened.session(summary.id) }
          points.append(HistoryPoint(summary: summary, resultJSON: record?.resultJSON))
        }
        console.text(HistoryTable(pack: pack, points: points).render())
      }
    }
  }

  /// A name as compared: trimmed and lower-cased.
  static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
}

/// One finished assessment as the history shows it.
struct HistoryPoint {
  var summary: SessionSummary
  /// The stored result, decoded; its shares are unknown, never 0%, when it does not decode.
  var result: StoredResult

  init(summary: SessionSummary, resultJSON: String?) {
    self.summary = summary
    result = StoredResult(json: resultJSON)
  }

  var path: String? { result.path }
  func share(of role: String) -> Double? { result.share(of: role) }
}

/// The history as a table and a sparkline per role.
struct HistoryTable {
  let pack: ContentPack
  let points: [HistoryPoint]

  static let ticks = Array("▁▂▃▄▅▆▇█")

  static func sparkline(_ values: [Double?]) -> String {
    String(
      values.map { value in
        value.map { ticks[min(ticks.count - 1, max(0, Int(($0 * Double(ticks.count - 1)).rounded())))] } ?? " "
      })
  }

  func render() -> String {
    let bands = pack.scoring.bands.map { ($0.id, $0.name) } + (pack.scoring.unclear.map { [($0.id, $0.name)] } ?? [])
    let fits = points.map { point in
      let band = bands.first { $0.0 == point.summary.band }?.1.lowercased() ?? point.summary.band ?? ""
      return "\(pack.assessedRole(point.summary.role ?? "")?.name ?? point.summary.role ?? "–"), \(band)"
    }
    // The fit column is as wide as its longest entry ("Scrum master or agile delivery lead, strong fit").
    let fitWidth = max(30, fits.map(\.count).max() ?? 0)
    var out = [
      "date              " + "fit".padding(toLength: fitWidth, withPad: " ", startingAt: 0)
        + "confidence  learning path"
    ]
    for (point, fit) in zip(points, fits) {
      out.append(
        SessionTable.date(point.summary.started) + "  " + fit.padding(toLength: fitWidth, withPad: " ", startingAt: 0)
          + String(format: "%10.2f", point.summary.confidence ?? 0) + "  " + (point.path ?? "–"))
    }
    out.append("")
    // The pack's roles always; another assessed role once any result gave it a share.
    let shown = pack.assessedRoles.filter { role in
      !pack.isOtherRole(role.id) || points.contains { $0.share(of: role.id) ?? 0 > 0 }
    }
    let nameWidth = max(18, shown.map(\.name.count).max() ?? 0)
    for role in shown {
      let values = points.map { $0.share(of: role.id) }
      out.append(
        "\(role.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)) \(Self.sparkline(values))  \(values.map { $0.map(TextWrap.percent) ?? "–" }.joined(separator: " → "))"
      )
    }
    return out.joined(separator: "\n") + "\n"
  }
}
