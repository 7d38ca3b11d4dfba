import Dispatch
import Foundation

/// Analyses postings in batches on every core, keeping their order, for `jd --jsonl`, folders and evaluation.
///
/// Memory stays flat: the caller feeds one bounded batch at a time.
public struct PostingBatch: Sendable {
  /// One posting's outcome: its analysis rendered (as UTF-8, ready to write), or why it was skipped.
  public enum Outcome: Sendable {
    case analysed(PostingAnalysis, rendered: [UInt8], label: String?)
    case failed(id: String, message: String)
  }

  public let analyzer: JobDescriptionAnalyzer
  /// The largest posting text accepted, in bytes of UTF-8.
  public let maxBytes: Int

  public init(analyzer: JobDescriptionAnalyzer, maxBytes: Int) {
    self.analyzer = analyzer
    self.maxBytes = maxBytes
  }

  /// Analyses one posting, enforcing the size limit.
  public func analyze(_ posting: Posting) throws -> PostingAnalysis {
    let bytes = posting.text.utf8.count
    if bytes > maxBytes { throw PostingError.tooLarge(id: posting.id, bytes: bytes, limit: maxBytes) }
    return try analyzer.analyze(posting)
  }

  /// Reads one posting's bytes from a file or a stream, refusing it as soon as it passes the
  /// limit: memory holds at most the limit and one chunk, whatever the input's size.
  public func readPosting(from handle: FileHandle, id: String) throws -> Data {
    var data = Data()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      data.append(chunk)
      if data.count > maxBytes { throw PostingError.tooLarge(id: id, bytes: data.count, limit: maxBytes) }
    }
    return data
  }

  /// Reads JSON Lines in batches, analyses each batch in parallel and hands its outcomes, in
  /// input order, to `consume`; at most one batch is held, so memory stays flat.
  ///
  /// (Reading and writing the next batch beside the analysis of this one was tried: on two cores
  /// the analysis keeps both busy, and it gained nothing.)
  public func run(
    _ reader: LineChunkReader, source: String, batchSize: Int = 512,
    render: @escaping @Sendable (PostingAnalysis) -> [UInt8], consume: ([Outcome]) throws -> Void
  ) rethrows {
    while true {
      let lines = reader.nextLines(batchSize)
      if lines.isEmpty { return }
      try consume(process(lines: lines, source: source, render: render))
    }
  }

  /// Parses and analyses JSONL lines (`text`, optional `id`, `title`, `label`), in parallel.
  ///
  /// Each line comes with its number in the file, for ids and messages; `source` names the file.
  public func process(
    lines: [(number: Int, data: Data)], source: String, render: @escaping @Sendable (PostingAnalysis) -> [UInt8]
  ) -> [Outcome] {
    guard !lines.isEmpty else { return [] }
    // Each line's outcome is written straight into its own slot of the result, by whichever
    // thread analysed it: no lock, and no copy of the analyses afterwards.
    return [Outcome](unsafeUninitializedCapacity: lines.count) { buffer, initialized in
      let slots = Slots(first: buffer.baseAddress.unsafelyUnwrapped)
      DispatchQueue.concurrentPerform(iterations: lines.count) { index in
        let outcome = processLine(lines[index].data, number: lines[index].number, source: source, render: render)
        (slots.first + index).initialize(to: outcome)
      }
      initialized = lines.count
    }
  }

  /// The result's memory, shared by the threads of one `process`: each index is written by
  /// exactly one of them, once, and read only after all have finished.
  private struct Slots: @unchecked Sendable {
    let first: UnsafeMutablePointer<Outcome>
  }

  private func processLine(
    _ line: Data, number: Int, source: String, render: (PostingAnalysis) -> [UInt8]
  ) -> Outcome {
    let place = "\(source):\(number)"
    if line.isEmpty {
      return .failed(
        id: place, message: "\(place): the line is longer than \(maxBytes / 512) KiB (twice --max-size); line skipped")
    }
    guard let fields = Self.fields(of: line) else {
      return .failed(id: place, message: "\(place): not a JSON object; line skipped")
    }
    guard let text = fields.strings["text"] else {
      return .failed(id: place, message: "\(place): no \"text\" string; line skipped")
    }
    let id = fields.strings["id"] ?? fields.numbers["id"] ?? "line \(number)"
    let posting = Posting(id: id, text: text, title: fields.strings["title"])
    do {
      let analysis = try analyze(posting)
      return .analysed(analysis, rendered: render(analysis), label: fields.strings["label"])
    } catch {
      return .failed(id: id, message: "\(place): \(error)")
    }
  }
}

extension PostingBatch {
  /// A line's string and number fields: read directly when the object is flat, as exports are,
  /// else through `JSONSerialization`; `nil` when it is not a JSON object.
  static func fields(of line: Data) -> (strings: [String: String], numbers: [String: String])? {
    if let flat = line.withUnsafeBytes({ FlatJSONObject($0) }) { return (flat.strings, flat.integers) }
    guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return nil }
    return (
      object.compactMapValues { $0 as? String },
      object.compactMapValues { ($0 as? NSNumber)?.stringValue }
    )
  }
}

/// Reads a file or standard input line by line in large chunks, so memory stays flat.
///
/// Memory is bounded by the line limit, not by the input: a line longer than `maxLineBytes` is
/// skipped while it is read (never held whole) and returned as an empty line, which
/// `PostingBatch.process` reports as too long; blank lines are never returned.
public final class LineChunkReader {
  private let handle: FileHandle
  private let maxLineBytes: Int
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts.
  private var cursor = 0
  private var finished = false
  /// Whether the current line passed the limit: its bytes are dropped up to the next newline.
  private var skipping = false
  /// Bytes consumed so far, for progress.
  public private(set) var bytesRead = 0
  /// Why reading stopped early (an I/O error), if it did.
  public private(set) var readError: (any Error)?

  /// A reader of `handle` that refuses lines longer than `maxLineBytes`.
  public init(handle: FileHandle, maxLineBytes: Int = 128 << 20) {
    self.handle = handle
    self.maxLineBytes = maxLineBytes
  }

  /// The number of the next line to be returned, from 1.
  public private(set) var lineNumber = 1

  /// The index of the next newline in the unread bytes, found with `memchr`.
  private func nextNewline() -> Int? {
    buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress, cursor < bytes.count,
        let found = memchr(base + cursor, 0x0A, bytes.count - cursor)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Up to `count` non-blank lines (without newlines) with their numbers, or fewer at the end.
  ///
  /// A batch also stops once it holds `budget` bytes, so a batch of long lines stays bounded.
  public func nextLines(_ count: Int, budget: Int = 64 << 20) -> [(number: Int, data: Data)] {
    var lines: [(number: Int, data: Data)] = []
    var held = 0
    func take(_ bytes: ArraySlice<UInt8>) {
      defer { lineNumber += 1 }
      if skipping {
        skipping = false
        lines.append((lineNumber, Data()))
        return
      }
      guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
      if bytes.count > maxLineBytes {
        lines.append((lineNumber, Data()))
        return
      }
      held += bytes.count
      lines.append((lineNumber, Data(bytes)))
    }
    while lines.count < count && held < budget {
      if let newline = nextNewline() {
        var end = newline
        if end > cursor && buffer[end - 1] == 0x0D { end -= 1 }
        take(buffer[cursor..<end])
        cursor = newline + 1
        continue
      }
      if finished {
        if cursor < buffer.count || skipping { take(buffer[cursor...]) }
        buffer.removeAll()
        cursor = 0
        break
      }
      buffer.removeSubrange(0..<cursor)
      cursor = 0
      if buffer.count > maxLineBytes {
        // The line is already too long: drop what is held and the rest of it as it comes.
        buffer.removeAll(keepingCapacity: true)
        skipping = true
      }
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: 1 << 20) ?? Data()
      } catch {
        readError = error
        chunk = Data()
      }
      bytesRead += chunk.count
      if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
    }
    return lines
  }
}

/// Where analysed postings are kept; the store implements it.
public protocol PostingArchive: AnyObject {
  func save(_ analysis: PostingAnalysis, resultJSON: String) throws
}
