import Foundation

/// The charts of the HTML reports, drawn as inline SVG that reads without colour: every bar is
/// named in text, and a split bar names the side each part belongs to.
///
/// Every chart is an `<svg class="chart">` 400 units wide with a `viewBox`, so it scales to a
/// phone's width with its text still legible, and prints; labels sit above their bars, so a
/// long label never runs into one. Each drawn bar is a `.bar` with a `<title>` saying what it is.
enum SVGChart {
  /// One labelled bar.
  struct Bar {
    var label: String
    var value: Double
    /// What is written after the bar ("86%", "3 votes").
    var caption: String
    /// The CSS class giving the bar its fill (`c-cyan`...), so colour only repeats what the text says.
    var style: String
  }

  static let width = 400.0
  /// Room at the right of a bar for its caption.
  static let captionWidth = 96.0
  /// The most characters of a label drawn in a chart (the whole text is beside the chart).
  static let labelLength = 56

  /// Horizontal bars, one a row, each named above and captioned on its right; `value` is in [0, 1].
  static func bars(_ bars: [Bar], title: String) -> HTMLNode {
    let rowHeight = 38.0
    let barWidth = width - captionWidth
    var nodes: [HTMLNode] = [.element("title", text: title)]
    for (index, bar) in bars.enumerated() {
      let y = Double(index) * rowHeight
      let length = max(0, min(1, bar.value)) * barWidth
      nodes.append(.element("text", ["x": "0", "y": number(y + 12), "class": "label"], text: shortened(bar.label)))
      nodes.append(
        .element(
          "rect", ["x": "0", "y": number(y + 17), "width": number(barWidth), "height": "14", "class": "track"]))
      nodes.append(
        .element(
          "rect",
          [
            "x": "0", "y": number(y + 17), "width": number(max(length, 1)), "height": "14",
            "class": "bar \(bar.style)",
          ], [.element("title", text: "\(bar.label): \(bar.caption)")]))
      nodes.append(
        .element(
          "text", ["x": number(barWidth + 6), "y": number(y + 29), "class": "value"], text: bar.caption))
    }
    return svg(height: max(rowHeight, Double(bars.count) * rowHeight), label: title, nodes)
  }

  /// One bar split between two sides, named above with a detail, each side named with its
  /// share at its own end.
  ///
  /// `project 75% [█████░░] 25% program`; the bar's parts are of the two sides only.
  static func split(
    left: (name: String, share: Double, style: String), right: (name: String, share: Double, style: String),
    label: String, detail: String
  ) -> HTMLNode {
    let sideWidth = 100.0
    let barWidth = width - 2 * sideWidth
    let total = left.share + right.share
    let leftLength = total > 0 ? left.share / total * barWidth : 0
    let leftText = "\(left.name) \(TextWrap.percent(left.share))"
    let rightText = "\(TextWrap.percent(right.share)) \(right.name)"
    // Answers in this area for neither side: an empty track, not a bar split down the middle.
    let parts: [HTMLNode] =
      total > 0
      ? [
        .element(
          "rect",
          [
            "x": number(sideWidth), "y": "17", "width": number(max(leftLength, 1)), "height": "14",
            "class": "bar \(left.style)",
          ], [.element("title", text: leftText)]),
        .element(
          "rect",
          [
            "x": number(sideWidth + leftLength), "y": "17", "width": number(max(barWidth - leftLength, 1)),
            "height": "14", "class": "bar other \(right.style)",
          ], [.element("title", text: rightText)]),
      ]
      : [
        .element(
          "rect", ["x": number(sideWidth), "y": "17", "width": number(barWidth), "height": "14", "class": "track"],
          [.element("title", text: "neither side")])
      ]
    let nodes: [HTMLNode] =
      [
        .element("title", text: "\(label): \(leftText), \(rightText)"),
        .element("text", ["x": "0", "y": "12", "class": "label"], text: shortened(label)),
        .element("text", ["x": number(width - 1), "y": "12", "class": "value", "text-anchor": "end"], text: detail),
        .element(
          "text", ["x": number(sideWidth - 6), "y": "29", "class": "side", "text-anchor": "end"], text: leftText),
      ] + parts + [
        .element(
          "text", ["x": number(width - 1), "y": "29", "class": "side", "text-anchor": "end"], text: rightText)
      ]
    return svg(height: 38, label: label, nodes)
  }

  /// A vertical timeline: a dot per step on one line, each with its date and name.
  static func timeline(_ steps: [(date: String, title: String)], title: String) -> HTMLNode {
    let rowHeight = 40.0
    var nodes: [HTMLNode] = [.element("title", text: title)]
    if steps.count > 1 {
      nodes.append(
        .element(
          "line",
          [
            "x1": "8", "y1": "12", "x2": "8", "y2": number(Double(steps.count - 1) * rowHeight + 12),
            "class": "axis",
          ]))
    }
    for (index, step) in steps.enumerated() {
      let y = Double(index) * rowHeight + 12
      nodes.append(
        .element(
          "circle", ["cx": "8", "cy": number(y), "r": "6", "class": "bar dot"],
          [.element("title", text: "\(step.date): \(step.title)")]))
      nodes.append(.element("text", ["x": "22", "y": number(y + 4), "class": "date"], text: step.date))
      nodes.append(.element("text", ["x": "22", "y": number(y + 20), "class": "label"], text: shortened(step.title)))
    }
    return svg(height: max(rowHeight, Double(steps.count) * rowHeight), label: title, nodes)
  }

  static func svg(height: Double, label: String, _ nodes: [HTMLNode]) -> HTMLNode {
    .element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "viewBox": "0 0 \(number(width)) \(number(height))",
        "role": "img", "aria-label": label,
      ], nodes)
  }

  /// A label cut at a word boundary to fit a chart, with `…` when cut.
  static func shortened(_ text: String) -> String {
    guard text.count > labelLength else { return text }
    let head = text.prefix(labelLength - 1)
    let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
    return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:·-")) + "…"
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
