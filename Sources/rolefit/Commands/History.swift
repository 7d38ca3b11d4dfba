import ArgumentParser
import Foundation
import RolefitCore
import RolefitStore
import RolefitTerminal

/// `rolefit history`: how a person's fit and learning path changed across assessments.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How your fit and learning path changed across your finished assessments.")

  @Option(help: ArgumentHelp("Whose history (the name given with --person when assessing).", valueName: "name"))
  var person: String?
  @OptionGroup var store: StoreOptions
  @OptionGroup var content: ContentOptions

  func run() throws {
    try reportingErrors {
      let opened = try store.openForReading()
      let pack = try content.load(sections: .assessment)
      let finished = try storeCall { try opened.history(person: person) }
      let console = Console.standardOutput
      guard !finished.isEmpty else {
        console.line(
          "No finished assessments yet" + (person.map { " for \($0)" } ?? "") + ". `rolefit assess` takes one.")
        return
      }
      var points: [HistoryPoint] = []
      for summary in finished {
        let record = try storeCall { try opened.session(summary.id) }
        points.append(HistoryPoint(summary: summary, resultJSON: record?.resultJSON))
      }
      console.write(HistoryTable(pack: pack, points: points).render())
    }
  }
}

/// One finished assessment as the history shows it.
struct HistoryPoint {
  var summary: SessionSummary
  var shares: [String: Double] = [:]
  var path: String?

  init(summary: SessionSummary, resultJSON: String?) {
    self.summary = summary
    guard let data = resultJSON?.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return }
    shares = (object["scores"] as? [String: Double]) ?? [:]
    path = (object["path"] as? [String: Any])?["title"] as? String
  }
}

/// The history as a table and a sparkline per role.
struct HistoryTable {
  let pack: ContentPack
  let points: [HistoryPoint]

  static let ticks = Array("▁▂▃▄▅▆▇█")

  static func sparkline(_ values: [Double]) -> String {
    String(values.map { ticks[min(ticks.count - 1, max(0, Int(($0 * Double(ticks.count - 1)).rounded())))] })
  }

  func render() -> String {
    var out = ["date              fit                           confidence  learning path"]
    for point in points {
      let band = pack.scoring.bands.first { $0.id == point.summary.band }?.name.lowercased() ?? point.summary.band ?? ""
      let fit = "\(pack.role(point.summary.role ?? "")?.name ?? point.summary.role ?? "–"), \(band)"
      out.append(
        SessionTable.date(point.summary.started) + "  " + fit.padding(toLength: 30, withPad: " ", startingAt: 0)
          + String(format: "%10.2f", point.summary.confidence ?? 0) + "  " + (point.path ?? "–"))
    }
    out.append("")
    for role in pack.roles {
      let values = points.map { $0.shares[role.id] ?? 0 }
      out.append(
        "\(role.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(Self.sparkline(values))  \(values.map { TextWrap.percent($0) }.joined(separator: " → "))"
      )
    }
    return out.joined(separator: "\n") + "\n"
  }
}
