/// The page every HTML report is: one self-contained file with its style sheet inline, no
/// script, font or image fetched from anywhere, readable on a phone and printable on A4 and
/// Letter.
struct HTMLPage {
  /// The page's title (the document kind and whose it is).
  var title: String
  /// The content pack's name and version, and the date its facts were checked.
  var content: String
  /// The day the document was made.
  var date: String
  /// The document's own sections.
  var body: [HTMLNode]
  /// How to read this document, in a sentence or two.
  var howToRead: String

  /// What rolefit does not claim, on every page.
  static let limits =
    "rolefit classifies work, never people: it reads answers, postings and votes, not a person's worth or"
    + " ability. Its figures are estimates from the answers given and the content pack named above; certification"
    + " facts marked unverified come from training providers or blogs."

  /// The CSS class that colours a pack colour name; an unknown name gets the neutral one.
  static func colorClass(_ name: String?) -> String {
    switch name {
    case "cyan", "magenta", "green", "yellow", "blue", "red": return "c-\(name ?? "")"
    default: return "c-neutral"
    }
  }

  /// A page showing a text report as it is, for documents with no view of their own yet.
  static func preformatted(title: String, text: String, pack: ContentPack) -> String {
    HTMLPage(
      title: title, content: "Content: \(pack.name) \(pack.version)", date: DocumentDate.today().description,
      body: [.element("pre", ["class": "posting"], text: text)], howToRead: "The reading as the terminal shows it."
    ).render()
  }

  /// A table of text cells under a header row.
  static func table(_ header: [String], _ rows: [[String]]) -> HTMLNode {
    table(header, rows.map { row in row.map { [HTMLNode.text($0)] } })
  }

  /// A table whose cells hold nodes (a phrase marked inside its sentence).
  static func table(_ header: [String], _ rows: [[[HTMLNode]]]) -> HTMLNode {
    .element(
      "table", [:],
      [.element("tr", [:], header.map { .element("th", text: $0) })]
        + rows.map { row in .element("tr", [:], row.map { .element("td", [:], $0) }) })
  }

  func render() -> String {
    let page = HTMLNode.element(
      "html", ["lang": "en"],
      [
        .element(
          "head", [:],
          [
            .element("meta", ["charset": "utf-8"]),
            .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
            // Nothing may be fetched: no script, no remote style, font or image.
            .element(
              "meta",
              [
                "http-equiv": "Content-Security-Policy",
                "content": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
              ]),
            .element("title", text: title),
            .styleSheet(Self.css),
          ]),
        .element(
          "body", [:],
          [
            .element(
              "header", [:],
              [
                .element("h1", text: title),
                .element("p", ["class": "meta"], text: "\(content) · made \(date)"),
              ]),
            .element("main", [:], body),
            .element(
              "footer", [:],
              [
                .element("h2", text: "How to read this"),
                .element("p", text: howToRead),
                .element("h2", text: "What rolefit does not claim"),
                .element("p", text: Self.limits),
              ]),
          ]),
      ])
    return "<!DOCTYPE html>\n" + page.render() + "\n"
  }

  static let css: StaticString = """
    :root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--track:#eef1f4}
    *{box-sizing:border-box}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);
    margin:0 auto;padding:1rem;max-width:52rem;overflow-wrap:break-word}
    h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid var(--line)}
    h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
    .meta,.muted{color:var(--muted);font-size:.9rem}
    .verdict{font-size:1.2rem;font-weight:600}
    .warning{border-left:4px solid #b91c1c;padding:.3rem .7rem;background:#fef2f2}
    table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
    th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#f6f8fa}
    td:first-child{min-width:7em}
    td.num{text-align:right;white-space:nowrap}
    svg.chart{width:100%;max-width:40rem;height:auto;display:block;margin:.4rem 0;font-size:12px}
    svg .label,svg .date{fill:var(--ink)}svg .date{font-weight:600}
    svg .value,svg .side{fill:var(--muted)}
    svg .track{fill:var(--track)}svg .axis{stroke:var(--line);stroke-width:2}
    svg .bar{fill:#57606a}svg .bar.other{fill-opacity:.35}
    .posting{white-space:pre-wrap;border:1px solid var(--line);padding:.7rem;background:#fbfbfc}
    mark{background:none;border-bottom:3px solid #57606a;padding:0 1px}
    mark sub{font-size:.7em;color:var(--muted)}
    ul.options{list-style:none;padding-left:.5rem}
    .legend span{margin-right:1rem;white-space:nowrap}
    .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;background:#57606a}
    svg .c-cyan,.swatch.c-cyan{fill:#0e7490;background:#0e7490}mark.c-cyan{border-color:#0e7490}
    svg .c-magenta,.swatch.c-magenta{fill:#a21caf;background:#a21caf}mark.c-magenta{border-color:#a21caf}
    svg .c-green,.swatch.c-green{fill:#15803d;background:#15803d}mark.c-green{border-color:#15803d}
    svg .c-yellow,.swatch.c-yellow{fill:#a16207;background:#a16207}mark.c-yellow{border-color:#a16207}
    svg .c-blue,.swatch.c-blue{fill:#1d4ed8;background:#1d4ed8}mark.c-blue{border-color:#1d4ed8}
    svg .c-red,.swatch.c-red{fill:#b91c1c;background:#b91c1c}mark.c-red{border-color:#b91c1c}
    footer{margin-top:2rem;color:var(--muted);font-size:.9rem}
    @media (max-width:30rem){body{padding:.6rem;font-size:15px}th,td{padding:.2rem .3rem}
    table{display:block;overflow-x:auto}td:first-child{min-width:0}}
    @media print{@page{margin:14mm}body{max-width:none;padding:0;font-size:11pt}
    h2{break-after:avoid}table,svg.chart,.item{break-inside:avoid}.warning{background:none}
    a{color:inherit;text-decoration:none}}
    """
}
