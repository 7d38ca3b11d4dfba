import Foundation

/// Renders job-description analyses as text (with highlighted phrases), Markdown, JSON or CSV.
public struct PostingRenderer: Sendable {
  public let pack: ContentPack
  public var width: Int
  public var styler: any TextStyler
  /// Whether the text shows highlights in colour; otherwise as `[phrase]{role}` markers.
  public var colorHighlights: Bool

  /// The weights the pack's engine decides with, to show where each phrase counts.
  private let model: PostingModel

  public init(pack: ContentPack, width: Int = 80, styler: any TextStyler = PlainStyler(), colorHighlights: Bool = false)
  {
    self.pack = pack
    self.width = max(40, width)
    self.styler = styler
    self.colorHighlights = colorHighlights
    model = PostingModel.effective(for: pack)
  }

  func name(_ id: String) -> String {
    if let role = pack.role(id) { return role.name }
    if let kind = pack.jobDescription?.otherKinds.first(where: { $0.id == id }) { return kind.name }
    return id == JobDescriptionAnalyzer.otherID ? "Other" : id
  }

  func short(_ id: String) -> String { pack.role(id)?.short ?? id }

  /// The role colour; other kinds share one.
  func color(_ id: String) -> String? { pack.role(id)?.color ?? "yellow" }

  func verdict(_ analysis: PostingAnalysis) -> String {
    let fit = analysis.fit
    let band = pack.scoring.bands.first { $0.id == fit.band }?.name.lowercased() ?? fit.band
    if analysis.evidence.isEmpty { return "not enough evidence" }
    if fit.isUncertain {
      let ranked = analysis.scores.sorted { $0.share > $1.share }
      return
        "uncertain: the duties do not settle it (\(name(ranked[0].role).lowercased()) \(TextWrap.percent(ranked[0].share)), \(name(ranked[1].role).lowercased()) \(TextWrap.percent(ranked[1].share)))"
    }
    if fit.isHybrid {
      return
        "\(band): between \(name(analysis.scores.sorted { $0.share > $1.share }[0].role).lowercased()) and \(name(analysis.scores.sorted { $0.share > $1.share }[1].role).lowercased())"
    }
    let role =
      fit.otherKind.map { "other (\(name($0).lowercased()))" }
      ?? (fit.role == JobDescriptionAnalyzer.otherID
        ? "other (the duties do not say which role)" : name(fit.role).lowercased())
    return "\(role), \(band)"
  }

  // MARK: Text

  /// A phrase with a few words either side, on one line, for a reason a reader checks at a glance;
  /// `scalars` are the text's, made once, as a long posting has thousands of phrases.
  func context(of item: PostingAnalysis.Evidence, in scalars: [Unicode.Scalar]) -> PostingReading.Context {
    guard item.start >= 0, item.end <= scalars.count, item.start < item.end else {
      return .init(before: "", phrase: item.phrase, after: "")
    }
    // Where a sentence ends, as the engine reads it: a line's end, a full stop or semicolon, or a
    // hyphen spaced on both sides (a flattened list's items).
    func isBreak(_ index: Int) -> Bool {
      switch scalars[index] {
      case "\n", ".", ";": true
      case "-":
        index > 0 && index + 1 < scalars.count
          && PostingText.hyphenEndsSentence(after: scalars[index - 1], before: scalars[index + 1])
      default: false
      }
    }
    var start = item.start
    var words = 0
    while start > 0 && !isBreak(start - 1) && words < 6 {
      start -= 1
      if scalars[start] == " " { words += 1 }
    }
    var end = item.end
    words = 0
    while end < scalars.count && !isBreak(end) && words < 6 {
      if scalars[end] == " " { words += 1 }
      end += 1
    }
    func text(_ range: Range<Int>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[range])
      return String(view)
    }
    // Markdown's emphasis and a list item's bullet are how the posting was typed, not its words.
    let before = Self.withoutMarkup(text(start..<item.start)).drop(while: \.isWhitespace)
    let after = Self.withoutMarkup(text(item.end..<end))
    // Cut short only when words were left out: a line's bullet or emphasis is not a word.
    var probe = start
    while probe > 0 && start - probe < 4 && " \t*-_•·#".unicodeScalars.contains(scalars[probe - 1]) { probe -= 1 }
    return .init(
      before: (probe > 0 && !isBreak(probe - 1) ? "…" : "") + String(Self.withoutBullet(before)),
      phrase: text(item.start..<item.end),
      after: String(after.reversed().drop(while: \.isWhitespace).reversed())
        + (end < scalars.count && !isBreak(end) ? "…" : ""))
  }

  /// Text without Markdown's bold and italic markers (`**`, `__`).
  private static func withoutMarkup(_ text: String) -> String {
    guard text.contains("**") || text.contains("__") else { return text }
    return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
  }

  /// A line's start without its list bullet ("* ", "- ", "• ").
  private static func withoutBullet(_ text: Substring) -> Substring {
    guard let first = text.first, "*-•·".contains(first), text.dropFirst().first?.isWhitespace == true else {
      return text
    }
    return text.dropFirst().drop(while: \.isWhitespace)
  }

  /// The reading as a hiring manager reads it: the verdict, what decided it, the fixes, then the
  /// highlighted posting; every matched phrase only with `showEvidence` (`--evidence all`).
  public func text(
    _ analysis: PostingAnalysis, showText: Bool = true, showRecommendations: Bool = true, showEvidence: Bool = false,
    allEvidenceHint: String = "--evidence all lists them."
  ) -> String {
    text(
      PostingReading(analysis, words: self), showText: showText, showRecommendations: showRecommendations,
      showEvidence: showEvidence, allEvidenceHint: allEvidenceHint)
  }

  /// The terminal text, walking the reading as the Markdown and HTML pages do.
  func text(
    _ reading: PostingReading, showText: Bool, showRecommendations: Bool, showEvidence: Bool, allEvidenceHint: String
  ) -> String {
    let document = reading.document
    var out: [String] = []
    out.append(
      styler.bold("\(document.id): ") + styler.colored(styler.bold(reading.verdict), as: reading.verdictColor)
        + " (confidence \(String(format: "%.2f", reading.confidence))\(reading.confidenceSubject))")
    if let stated = document.title.stated {
      let implied =
        document.title.dual == true
        ? "two roles at once, so neither" : reading.impliedRoleName?.lowercased() ?? "no role rolefit knows"
      out.append(
        "Title: \"\(stated)\" → \(implied)"
          + (document.title.mismatch ? styler.warning(" (does not match the duties)") : ""))
    }
    out.append("Shares: " + reading.shares.map { "\($0.short) \(TextWrap.percent($0.share))" }.joined(separator: " · "))
    for warning in document.warnings { out.append(styler.warning("! \(warning)")) }
    let deciding = reading.deciding
    if !deciding.isEmpty || reading.titlePull != nil {
      out.append("")
      out.append(styler.bold(reading.decidingHeading))
      for (number, item) in deciding.enumerated() {
        // The phrase is marked in its sentence, so a reader sees which words counted.
        // Bold where there is colour; brackets, as in the marked posting, in plain text.
        let phrase = colorHighlights ? styler.bold(item.context.phrase) : "[\(item.context.phrase)]"
        let context = item.context.before + phrase + item.context.after
        let line = "\"\(context)\" → \(item.phrase.counts): \(item.phrase.reason)"
        out.append(TextWrap.wrap(line, width: width, indent: "     ", firstIndent: "  \(number + 1). "))
      }
      if let pull = reading.titlePull {
        let line = "The title \"\(pull.title)\" → \(pull.role): \(PostingReading.titlePullReason)"
        out.append(TextWrap.wrap(line, width: width, indent: "     ", firstIndent: "  \(deciding.count + 1). "))
      }
    }
    if showRecommendations && !document.recommendations.isEmpty {
      out.append("")
      out.append(styler.bold("Recommendations"))
      for item in document.recommendations {
        let label = item.severity == "info" ? item.severity : styler.warning(item.severity)
        out.append(TextWrap.wrap("\(label): \(item.message)", width: width, indent: "    ", firstIndent: "  "))
        out.append(styler.dim(TextWrap.wrap("fix: \(item.fix)", width: width, indent: "      ", firstIndent: "    ")))
      }
    }
    if showText {
      out.append("")
      out.append(highlighted(reading))
    }
    if showEvidence && !reading.phrases.isEmpty {
      out.append("")
      out.append(styler.bold("Evidence"))
      for item in reading.phrases {
        let line = "\"\(item.phrase)\" → \(item.counts): \(item.reason)" + (item.claim.map { " [\($0)]" } ?? "")
        out.append(
          TextWrap.wrap(
            line, width: width, indent: "      ", firstIndent: "  " + styler.colored("●", as: item.terminalColor) + " ")
        )
      }
    } else if reading.phrases.count > deciding.count {
      out.append("")
      out.append(styler.dim("  \(TextWrap.count(reading.phrases.count, "phrase")) counted in all: \(allEvidenceHint)"))
    }
    if showEvidence && !reading.notCounted.isEmpty {
      let list = reading.notCounted.joined(separator: ", ")
      out.append(styler.dim(TextWrap.wrap("Not counted: \(list)", width: width, indent: "  ", firstIndent: "  ")))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Where a phrase's fitted weight goes: one role, or each role it is split between.
  public func shares(of item: PostingAnalysis.Evidence) -> String {
    // A fitted model leaves out the entries it fitted to zero.
    let weights = model.entries[item.entry] ?? []
    let parts = zip(model.classes, weights).filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
    guard !parts.isEmpty else { return "\(short(item.role)) (fitted to no weight)" }
    return parts.map { "\(short($0.0)) +\(String(format: "%.2g", $0.1))" }.joined(separator: " · ")
  }

  /// Where one match's weight goes, and, for a phrase in the requirements, how little it counts:
  /// `program +1.1 (a requirement: counts ×0.1)`.
  public func counted(_ item: PostingAnalysis.Evidence) -> String {
    shares(of: item) + requirementNote(item)
  }

  /// What a phrase in the requirements adds to where its weight goes, or nothing.
  func requirementNote(_ item: PostingAnalysis.Evidence) -> String {
    guard item.isRequirement, let weight = pack.jobDescription?.structure.requirementWeight, weight != 1 else {
      return ""
    }
    return " (a requirement: counts ×\(String(format: "%.2g", weight)))"
  }

  /// The posting's text with each counted phrase marked in its role's colour, or as `[phrase]{role}`.
  public func highlighted(_ analysis: PostingAnalysis) -> String { highlighted(PostingReading(analysis, words: self)) }

  /// The reading's text with each counted phrase marked.
  func highlighted(_ reading: PostingReading) -> String {
    let scalars = Array(reading.text.unicodeScalars)
    // Built as UTF-8 bytes: appending scalars to a String (or its scalar view) copied the whole
    // text at every phrase, which made a long posting take quadratic time.
    var out: [UInt8] = []
    out.reserveCapacity(reading.text.utf8.count + reading.phrases.count * 16)
    func append(_ run: ArraySlice<Unicode.Scalar>) {
      for scalar in run { UTF8.encode(scalar) { out.append($0) } }
    }
    var position = 0
    for item in reading.phrases.sorted(by: { $0.start < $1.start })
    where item.start >= position && item.end <= scalars.count {
      append(scalars[position..<item.start])
      let phrase = String(String.UnicodeScalarView(scalars[item.start..<item.end]))
      let shown =
        colorHighlights ? styler.colored(styler.bold(phrase), as: item.terminalColor) : "[\(phrase)]{\(item.short)}"
      out.append(contentsOf: shown.utf8)
      position = item.end
    }
    append(scalars[position...])
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: Markdown

  public func markdown(_ analysis: PostingAnalysis) -> String { markdown(PostingReading(analysis, words: self)) }

  /// The Markdown page, walking the reading as the HTML page does.
  func markdown(_ reading: PostingReading) -> String {
    let document = reading.document
    var out = ["## \(MarkdownText.inline(document.id)): \(reading.verdict)", ""]
    out.append("- **Confidence:** \(String(format: "%.2f", reading.confidence))\(reading.confidenceSubject)")
    if let stated = document.title.stated {
      let implied = document.title.dual == true ? "two roles at once, so neither" : reading.impliedRoleName ?? "unknown"
      out.append(
        "- **Title:** \(MarkdownText.inline(stated)) → \(implied)\(document.title.mismatch ? " (**does not match the duties**)" : "")"
      )
    }
    out.append(
      "- **Shares:** " + reading.shares.map { "\($0.name) \(TextWrap.percent($0.share))" }.joined(separator: ", "))
    for warning in document.warnings { out.append("- **Warning:** \(MarkdownText.inline(warning))") }
    // What a hiring manager reads first: what decided it, the fixes, then every phrase counted.
    let deciding = reading.deciding
    if !deciding.isEmpty || reading.titlePull != nil {
      out += ["", "### \(reading.decidingHeading)", ""]
      for (number, item) in deciding.enumerated() {
        out.append(
          "\(number + 1). “\(MarkdownText.inline(item.context.before))**\(MarkdownText.inline(item.context.phrase))**"
            + "\(MarkdownText.inline(item.context.after))” → \(item.phrase.counts): \(item.phrase.reason)"
            + (item.phrase.claim.map { " (\($0))" } ?? ""))
      }
      if let pull = reading.titlePull {
        out.append(
          "\(deciding.count + 1). The title “\(MarkdownText.inline(pull.title))” → \(pull.role): "
            + PostingReading.titlePullReason)
      }
    }
    if !document.recommendations.isEmpty {
      out += ["", "### Recommendations", ""]
      // A message may quote the posting's title.
      for item in document.recommendations {
        out.append(
          "- **\(item.severity)** \(MarkdownText.inline(item.message)) *Fix:* \(MarkdownText.inline(item.fix))")
      }
    }
    if reading.phrases.count > deciding.count {
      out += ["", "### Every phrase counted", ""]
      out += ["| Phrase | Role | Weight | Why | Source |", "| --- | --- | ---: | --- | --- |"]
      for item in reading.phrases {
        out.append(
          "| \(MarkdownText.inline(item.phrase)) | \(item.roleName) | \(String(format: "%g", item.weight)) | \(item.reason) | \(item.claim ?? "") |"
        )
      }
    }
    if !reading.notCounted.isEmpty {
      out += ["", "**Not counted:** " + MarkdownText.inline(reading.notCounted.joined(separator: ", "))]
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: JSON and CSV

  /// The reading in a format, as the other documents' renderers give theirs (`--format`, `save FILE`).
  public func render(_ analysis: PostingAnalysis, as format: OutputFormat) -> String {
    switch format {
    case .text: return text(analysis)
    case .markdown: return markdown(analysis)
    case .json: return json(analysis)
    case .html: return PostingHTML(pack: pack).render(analysis)
    }
  }

  /// Pretty JSON for one posting, or one compact line for JSONL.
  public func json(_ analysis: PostingAnalysis, compact: Bool = false) -> String {
    let line = String(decoding: jsonLine(analysis), as: UTF8.self)
    return compact ? line : JSONOutput.prettify(line)
  }

  /// The posting's JSON document as one line of UTF-8 with its newline, keys sorted.
  ///
  /// Written directly, and left as bytes for the output, because batches write millions of
  /// them. The pretty form is this line reformatted, so there is one definition.
  public func jsonLine(_ analysis: PostingAnalysis) -> [UInt8] {
    var out = JSONLineWriter(capacity: 512 + analysis.evidence.count * 160)
    out.beginObject()
    // The evidence that decided the verdict, as indices into `evidence`, most first.
    out.beginArray("deciding")
    for index in analysis.deciding { out.field(nil, index) }
    out.endArray()
    out.beginArray("evidence")
    // Each item's meaning carries its JSON, written once for all matches of its entry.
    for item in analysis.evidence { item.shared.json.write(item, into: &out) }
    out.endArray()
    out.beginObject("fit")
    out.field("band", analysis.fit.band)
    out.field("confidence", JSONOutput.round(analysis.fit.confidence))
    if let kind = analysis.fit.otherKind { out.field("otherKind", kind) }
    out.field("role", analysis.fit.role)
    if analysis.fit.isUncertain { out.field("uncertain", true) }
    out.endObject()
    out.field("id", analysis.id)
    out.beginArray("ignored")
    for item in analysis.ignored {
      out.beginObject()
      out.field("end", item.end)
      out.field("phrase", item.phrase)
      out.field("reason", item.reason.rawValue)
      out.field("start", item.start)
      out.endObject()
    }
    out.endArray()
    out.beginObject("otherKinds")
    for (kind, weight) in analysis.otherKinds.sorted(by: { $0.key < $1.key }) { out.field(kind, weight) }
    out.endObject()
    out.beginArray("recommendations")
    for item in analysis.recommendations {
      out.beginObject()
      out.field("fix", item.fix)
      out.field("id", item.id)
      out.field("message", item.message)
      out.field("severity", item.severity)
      out.endObject()
    }
    out.endArray()
    out.field("schemaVersion", PostingDocument.currentSchemaVersion)
    out.beginObject("scores")
    for score in analysis.scores.sorted(by: { $0.role < $1.role }) {
      out.field(score.role, JSONOutput.round(score.share))
    }
    out.endObject()
    out.beginObject("title")
    if analysis.title.isDual { out.field("dual", true) }
    if let implied = analysis.title.impliedRole { out.field("impliedRole", implied) }
    out.field("mismatch", analysis.title.mismatch)
    if let stated = analysis.title.stated { out.field("stated", stated) }
    out.endObject()
    out.beginArray("warnings")
    for warning in analysis.warnings { out.field(nil, warning) }
    out.endArray()
    out.endObject()
    return out.line()
  }

  /// The CSV header for `csvRow`.
  public var csvHeader: String {
    (["id", "title", "title_role", "role", "other_kind", "band", "confidence"] + pack.roles.map(\.id)
      + [JobDescriptionAnalyzer.otherID, "title_mismatch", "evidence", "recommendations"]).joined(separator: ",") + "\n"
  }

  /// One summary row per posting.
  public func csvRow(_ analysis: PostingAnalysis) -> String {
    let fields: [String] =
      [
        analysis.id, analysis.title.stated ?? "", analysis.title.impliedRole ?? "", analysis.fit.role,
        analysis.fit.otherKind ?? "", analysis.fit.band, String(format: "%.2f", analysis.fit.confidence),
      ]
      + (pack.roles.map(\.id) + [JobDescriptionAnalyzer.otherID]).map { String(format: "%.3f", analysis.share(of: $0)) }
      + [
        analysis.title.mismatch ? "yes" : "no", "\(analysis.evidence.count)",
        analysis.recommendations.map(\.id).joined(separator: " "),
      ]
    return fields.map(Self.csvField).joined(separator: ",") + "\n"
  }

  /// One CSV field (RFC 4180) that a spreadsheet shows as text.
  ///
  /// A field holding a comma, a quote, CR or LF is quoted (scalars are checked: `"\r\n"` is one
  /// `Character`); a field starting with `=`, `+`, `-`, `@`, tab or CR, which a spreadsheet would
  /// run as a formula, gets a leading `'`; control characters are made visible.
  static func csvField(_ text: String) -> String {
    var text = ControlCharacters.visible(text)
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension PostingRenderer {
  /// An evidence object of one lexicon entry, written once around what differs between matches.
  ///
  /// `{"claim":…,"end":` then the end, `,"phrase":` and the phrase, `,"reason":…,"role":…,"start":`
  /// then the start, and `,"weight":…}`. A batch writes millions of these, and most of their
  /// bytes are the entry's: each evidence item's shared meaning holds them.
  struct EvidenceJSON: Sendable {
    /// The three pieces one after another, in one array: one retain per item written, not three.
    let pieces: [UInt8]
    /// Where the middle piece, its part from the role on, and the closing piece start.
    let middleStart: Int
    let roleStart: Int
    let closingStart: Int

    static let phraseKey = Array(#","phrase":"#.utf8)
    /// Written between the reason and the role for a phrase in the requirements.
    static let requirementField = Array(#","requirement":true"#.utf8)

    /// The pieces for one meaning's words: the one place the object's layout is written.
    init(claim: String?, reason: String, role: String, weight: Double) {
      var out = JSONLineWriter()
      out.beginObject()
      if let claim { out.field("claim", claim) }
      out.key("end")
      middleStart = out.bytes.count
      out.field("reason", reason)
      roleStart = out.bytes.count
      out.field("role", role)
      out.key("start")
      closingStart = out.bytes.count
      out.field("weight", weight)
      out.endObject()
      pieces = out.bytes
    }

    /// Writes `item` as one value of the array being written.
    func write(_ item: PostingAnalysis.Evidence, into out: inout JSONLineWriter) {
      pieces.withUnsafeBufferPointer { pieces in
        out.separate()
        out.append(raw: UnsafeBufferPointer(rebasing: pieces[..<middleStart]))
        out.append(item.end)
        out.append(raw: Self.phraseKey)
        out.append(item.phrase)
        out.append(raw: UnsafeBufferPointer(rebasing: pieces[middleStart..<roleStart]))
        if item.isRequirement { out.append(raw: Self.requirementField) }
        out.append(raw: UnsafeBufferPointer(rebasing: pieces[roleStart..<closingStart]))
        out.append(item.start)
        out.append(raw: UnsafeBufferPointer(rebasing: pieces[closingStart...]))
      }
    }
  }
}
