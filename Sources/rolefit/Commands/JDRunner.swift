import Foundation
import RolefitCore
import RolefitTerminal

/// Feeds postings to the analyzer and writes results as they come, with a progress bar and a
/// summary; counts failures so the command exits non-zero after finishing the batch.
struct JDRunner {
  let pack: ContentPack
  let batch: PostingBatch
  let format: JD.PostingFormat
  let showText: Bool
  /// Whether text output lists every matched phrase, not only those that decided the verdict.
  var showEvidence = false
  private(set) var failures = 0
  /// Input files that did not exist (they count among `failures` too).
  private(set) var missingFiles = 0
  /// Analyses `--save` could not keep.
  private(set) var unsaved = 0
  /// Where analyses are kept with `--save`.
  var archive: (any PostingArchive)?
  /// Where `--out` sends the output (an HTML page) instead of standard output.
  var outFile: String?
  /// The output kept for `outFile`.
  private var captured: [UInt8] = []
  /// How many postings were rendered, so an HTML page is refused for more than one.
  private(set) var rendered = 0
  private var byRole: [String: Int] = [:]
  private var mismatches = 0
  private var analysed = 0
  private var headerWritten = false
  private let output = Console.standardOutput
  let renderer: PostingRenderer

  init(pack: ContentPack, batch: PostingBatch, format: JD.PostingFormat, showText: Bool) {
    self.pack = pack
    self.batch = batch
    self.format = format
    self.showText = showText
    renderer = PostingRenderer(
      pack: pack, width: output.width, styler: output.styler,
      colorHighlights: output.isTerminal && output.styler is ANSIStyler)
  }

  /// Renders one analysis in the chosen format, as UTF-8; JSONL input gives one JSON line per posting.
  func render(_ analysis: PostingAnalysis, jsonLines: Bool) -> [UInt8] {
    Self.render(
      analysis, format: format, renderer: renderer, showText: showText, showEvidence: showEvidence,
      jsonLines: jsonLines)
  }

  /// Records one outcome; its output is appended to `buffer` (written by the caller in one go).
  mutating func record(_ outcome: PostingBatch.Outcome, into buffer: inout [UInt8]) {
    switch outcome {
    case .analysed(let analysis, let rendered, _):
      if format == .csv && !headerWritten {
        buffer += renderer.csvHeader.utf8
        headerWritten = true
      }
      buffer += rendered
      self.rendered += 1
      analysed += 1
      byRole[
        analysis.fit.isHybrid ? "hybrid" : analysis.fit.otherKind.map { "other (\($0))" } ?? analysis.fit.role,
        default: 0] += 1
      if analysis.title.mismatch { mismatches += 1 }
      for warning in analysis.warnings { Console.standardError.line("rolefit: \(analysis.id): \(warning)") }
      do {
        try archive?.save(analysis, resultJSON: renderer.json(analysis, compact: true))
      } catch {
        Console.standardError.line("rolefit: \(analysis.id) was not saved: \(error)")
        unsaved += 1
        archive = nil
      }
    case .failed(_, let message):
      failures += 1
      Console.standardError.line("rolefit: \(message)")
    }
  }

  // MARK: Inputs

  mutating func runJSONL(path: String) throws {
    let handle = try open(path)
    let total = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    let reader = LineChunkReader(handle: handle, maxLineBytes: 2 * batch.maxBytes)
    let progress = ProgressBar(label: "jd")
    let source = path == "-" ? "<stdin>" : path
    let renderer = self.renderer
    let format = self.format
    let showText = self.showText
    let showEvidence = self.showEvidence
    let seenBefore = analysed + failures
    let render: @Sendable (PostingAnalysis) -> [UInt8] = { analysis in
      Self.render(
        analysis, format: format, renderer: renderer, showText: showText, showEvidence: showEvidence, jsonLines: true)
    }
    batch.run(reader, source: source, render: render) { outcomes in
      // One write per batch, not one per posting.
      var chunk: [UInt8] = []
      for outcome in outcomes { record(outcome, into: &chunk) }
      write(chunk)
      progress.update(done: reader.bytesRead, total: total, unit: "bytes")
    }
    progress.finish()
    if let error = reader.readError { throw CLIError.ioError("\(source): cannot read: \(error.localizedDescription)") }
    // An empty file is most often the wrong one: say so, as an empty posting file does.
    if analysed + failures == seenBefore {
      throw CLIError.badData("\(source): no postings in it (one JSON object a line: {\"text\", \"id\", \"title\"})")
    }
  }

  /// Writes rendered output: JSON as it is, every other format as text made safe for a terminal.
  private mutating func write(_ bytes: [UInt8]) {
    if outFile != nil {
      captured += bytes
      return
    }
    if format == .json { output.write(json: bytes) } else { output.write(String(decoding: bytes, as: UTF8.self)) }
  }

  static func render(
    _ analysis: PostingAnalysis, format: JD.PostingFormat, renderer: PostingRenderer, showText: Bool,
    showEvidence: Bool, jsonLines: Bool
  ) -> [UInt8] {
    switch format {
    case .text: return Array((renderer.text(analysis, showText: showText, showEvidence: showEvidence) + "\n").utf8)
    case .markdown: return Array((renderer.render(analysis, as: .markdown) + "\n").utf8)
    case .json: return jsonLines ? renderer.jsonLine(analysis) : Array(renderer.render(analysis, as: .json).utf8)
    case .csv: return Array(renderer.csvRow(analysis).utf8)
    case .html: return Array(renderer.render(analysis, as: .html).utf8)
    }
  }

  /// A file, a folder of .txt/.md files, or `-`.
  mutating func runInput(_ input: String, title: String?) throws {
    var isDirectory: ObjCBool = false
    if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
      let postings = files.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
      if postings.isEmpty { throw CLIError.missingInput("\(input): no .txt or .md postings in this folder") }
      let progress = ProgressBar(label: "jd")
      for (index, name) in postings.enumerated() {
        try runFile((input as NSString).appendingPathComponent(name), title: nil)
        progress.update(done: index + 1, total: postings.count, unit: "files")
      }
      progress.finish()
      return
    }
    try runFile(input, title: title)
  }

  private mutating func runFile(_ path: String, title: String?) throws {
    let id = path == "-" ? "<stdin>" : path
    let data: Data
    do {
      let handle: FileHandle
      if path == "-" {
        handle = .standardInput
      } else {
        guard let opened = try? open(path) else {
          failures += 1
          missingFiles += 1
          Console.standardError.line("rolefit: \(path): no such file")
          return
        }
        handle = opened
      }
      data = try batch.readPosting(from: handle, id: id)
    } catch let error as PostingError {
      failures += 1
      Console.standardError.line("rolefit: \(error)")
      return
    } catch {
      throw CLIError.ioError("\(id): cannot read: \(error.localizedDescription)")
    }
    let posting = Posting(id: id, text: String(decoding: data, as: UTF8.self), title: title)
    var text: [UInt8] = []
    do {
      let analysis = try batch.analyze(posting)
      record(.analysed(analysis, rendered: render(analysis, jsonLines: false), label: nil), into: &text)
    } catch {
      record(.failed(id: id, message: "\(error)"), into: &text)
    }
    if format == .text && outFile == nil {
      output.text(String(decoding: text, as: UTF8.self))
    } else {
      write(text)
    }
  }

  /// Opens an input file, or standard input for `-`; a folder or a device is refused by name.
  private func open(_ path: String) throws -> FileHandle {
    if path == "-" { return .standardInput }
    try InputFiles.checkReadable(path, what: "file")
    guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError.missingInput("\(path): cannot open") }
    return handle
  }

  // MARK: Summary and evaluation

  /// Writes what `--out` kept to its file.
  func writeOut() throws {
    guard let outFile else { return }
    try InputFiles.write(String(decoding: captured, as: UTF8.self), to: outFile, json: false)
  }

  func finish() {
    guard analysed + failures > 1 else { return }
    let summary = Console.standardError
    summary.line("")
    summary.line("\(analysed) postings analysed" + (failures > 0 ? ", \(failures) skipped" : ""))
    // Nothing analysed: no verdicts to count.
    guard analysed > 0 else { return }
    let rows =
      byRole.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
      + [("title does not match the duties", mismatches)]
    let width = rows.map(\.0.count).max() ?? 0
    for (label, count) in rows {
      summary.line("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(count))
    }
  }

  mutating func evaluate(path: String) throws -> Evaluation {
    let handle = try open(path)
    let reader = LineChunkReader(handle: handle, maxLineBytes: 2 * batch.maxBytes)
    let classes = pack.roles.map(\.id) + [JobDescriptionAnalyzer.otherID]
    var evaluation = Evaluation(labels: classes)
    let source = path == "-" ? "<stdin>" : path
    try batch.run(
      reader, source: source, render: { _ in [] },
      consume: { outcomes in
        for outcome in outcomes {
          switch outcome {
          case .analysed(let analysis, _, let label?):
            // A label the engine never gives would only count as a miss: most often a typo.
            guard LabelledPosting.classID(named: label, among: classes) != nil else {
              throw CLIError.unknownLabel(label, of: analysis.id, in: source, classes: classes)
            }
            evaluation.add(
              id: analysis.id, actual: label,
              predicted: analysis.fit.isHybrid && analysis.evidence.isEmpty ? "none" : analysis.fit.role)
          case .analysed(let analysis, _, nil):
            Console.standardError.line("rolefit: \(source): \(analysis.id) has no \"label\"; not counted")
          case .failed(_, let message):
            Console.standardError.line("rolefit: \(message)")
          }
        }
      })
    if let error = reader.readError { throw CLIError.ioError("\(source): cannot read: \(error.localizedDescription)") }
    guard evaluation.total > 0 else {
      throw CLIError.badData("\(source): no labelled postings in it (one JSON object a line: {\"text\", \"label\"})")
    }
    return evaluation
  }
}
