import Foundation

/// The charts of the HTML reports, drawn as inline SVG that reads without colour: every bar is
/// named in text, and a split bar names the side each part belongs to.
///
/// Every chart is an `<svg class="chart">` with a `viewBox`, so it scales to a phone's width and
/// prints; each drawn bar is a `<rect class="bar">` with a `<title>` saying what it is.
enum SVGChart {
  /// One labelled bar.
  struct Bar {
    var label: String
    var value: Double
    /// What is written after the bar ("86%", "3 votes").
    var caption: String
    /// The CSS class giving the bar its fill (`role0`...), so colour only repeats what the text says.
    var style: String
  }

  /// Horizontal bars, one a row, each named on its left and captioned on its right; `value` is in [0, 1].
  static func bars(_ bars: [Bar], title: String, labelWidth: Int = 180) -> HTMLNode {
    let rowHeight = 26
    let width = 640
    let barWidth = Double(width - labelWidth - 70)
    var nodes: [HTMLNode] = [.element("title", text: title)]
    for (index, bar) in bars.enumerated() {
      let y = index * rowHeight
      let length = max(0, min(1, bar.value)) * barWidth
      nodes.append(
        .element(
          "text", ["x": "0", "y": "\(y + 17)", "class": "label"], text: bar.label))
      nodes.append(
        .element(
          "rect",
          [
            "x": "\(labelWidth)", "y": "\(y + 5)", "width": number(barWidth), "height": "16",
            "class": "track",
          ]))
      nodes.append(
        .element(
          "rect",
          [
            "x": "\(labelWidth)", "y": "\(y + 5)", "width": number(max(length, 1)), "height": "16",
            "class": "bar \(bar.style)",
          ], [.element("title", text: "\(bar.label): \(bar.caption)")]))
      nodes.append(
        .element(
          "text", ["x": number(Double(labelWidth) + barWidth + 8), "y": "\(y + 17)", "class": "value"],
          text: bar.caption))
    }
    return svg(width: width, height: max(rowHeight, bars.count * rowHeight), label: title, nodes)
  }

  /// One bar split between two sides, each side named with its share at its own end.
  ///
  /// `project 75% [█████░░] 25% program`; the bar's parts are of the two sides only.
  static func split(
    left: (name: String, share: Double, style: String), right: (name: String, share: Double, style: String),
    label: String, detail: String
  ) -> HTMLNode {
    let width = 640
    let labelWidth = 170
    let sideWidth = 110
    let barWidth = Double(width - labelWidth - 2 * sideWidth)
    let total = left.share + right.share
    let leftLength = total > 0 ? left.share / total * barWidth : barWidth / 2
    let x = Double(labelWidth + sideWidth)
    let nodes: [HTMLNode] = [
      .element(
        "title",
        text: "\(label): \(left.name) \(TextWrap.percent(left.share)), \(right.name) \(TextWrap.percent(right.share))"),
      .element("text", ["x": "0", "y": "17", "class": "label"], text: label),
      .element(
        "text", ["x": number(x - 6), "y": "17", "class": "side", "text-anchor": "end"],
        text: "\(left.name) \(TextWrap.percent(left.share))"),
      .element(
        "rect",
        ["x": number(x), "y": "5", "width": number(max(leftLength, 1)), "height": "16", "class": "bar \(left.style)"],
        [.element("title", text: "\(left.name) \(TextWrap.percent(left.share))")]),
      .element(
        "rect",
        [
          "x": number(x + leftLength), "y": "5", "width": number(max(barWidth - leftLength, 1)), "height": "16",
          "class": "bar other \(right.style)",
        ], [.element("title", text: "\(right.name) \(TextWrap.percent(right.share))")]),
      .element(
        "text", ["x": number(x + barWidth + 6), "y": "17", "class": "side"],
        text: "\(TextWrap.percent(right.share)) \(right.name)"),
      .element(
        "text", ["x": number(Double(width + 40)), "y": "17", "class": "value", "text-anchor": "end"], text: detail),
    ]
    return svg(width: width + 40, height: 26, label: label, nodes)
  }

  /// A vertical timeline: a dot per step on one line, each with its date and name.
  static func timeline(_ steps: [(date: String, title: String)], title: String) -> HTMLNode {
    let rowHeight = 44
    var nodes: [HTMLNode] = [.element("title", text: title)]
    if steps.count > 1 {
      nodes.append(
        .element(
          "line",
          ["x1": "14", "y1": "14", "x2": "14", "y2": "\((steps.count - 1) * rowHeight + 14)", "class": "axis"]
        ))
    }
    for (index, step) in steps.enumerated() {
      let y = index * rowHeight + 14
      nodes.append(
        .element(
          "circle", ["cx": "14", "cy": "\(y)", "r": "8", "class": "bar dot"],
          [.element("title", text: "\(step.date): \(step.title)")]))
      nodes.append(.element("text", ["x": "34", "y": "\(y - 2)", "class": "date"], text: step.date))
      nodes.append(.element("text", ["x": "34", "y": "\(y + 14)", "class": "label"], text: step.title))
    }
    return svg(width: 640, height: max(rowHeight, steps.count * rowHeight), label: title, nodes)
  }

  static func svg(width: Int, height: Int, label: String, _ nodes: [HTMLNode]) -> HTMLNode {
    .element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "viewBox": "0 0 \(width) \(height)",
        "role": "img", "aria-label": label,
      ], nodes)
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
