import Foundation
import RolefitCore

/// A one-line progress bar on standard error, drawn only when it is a terminal.
public final class ProgressBar {
  private let console: Console
  private let label: String
  private var lastDraw = Date.distantPast
  private var drawn = false

  public init(label: String, console: Console = .standardError) {
    self.console = console
    self.label = label
  }

  /// Shows `done` of `total` (bytes or items); redraws at most ten times a second.
  public func update(done: Int, total: Int?, unit: String) {
    guard console.isTerminal, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = Date()
    drawn = true
    if let total, total > 0 {
      let share = min(1, Double(done) / Double(total))
      console.writeControls(
        "\r\(label) \(Bar.draw(share, width: 30)) \(TextWrap.percent(share)) (\(done)/\(total) \(unit))\u{1B}[K")
    } else {
      console.writeControls("\r\(label) \(done) \(unit)\u{1B}[K")
    }
  }

  /// Clears the bar's line.
  public func finish() {
    if drawn { console.writeControls("\r\u{1B}[K") }
  }
}
