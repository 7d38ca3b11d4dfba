/// Reads a content pack's files into a `ContentPack`, finding every problem on the way.
public enum ContentLoader {
  /// The format version of pack files this rolefit reads.
  public static let formatVersion = 1

  /// The result of loading: the pack when it has no errors, and every diagnostic found.
  public struct Outcome: Sendable {
    public var pack: ContentPack?
    public var diagnostics: [Diagnostic]
  }

  /// Loads a pack, or throws `ContentError.invalid` with every diagnostic when it has errors.
  ///
  /// Warnings of a pack that loads are in the returned outcome.
  public static func load(_ files: [PackFile], sections: Sections = .all) throws -> Outcome {
    let outcome = read(files, sections: sections)
    guard outcome.pack != nil else { throw ContentError.invalid(outcome.diagnostics) }
    return outcome
  }

  /// Reads a pack without throwing: for `content lint`, which reports everything.
  public static func read(_ files: [PackFile], sections: Sections = .all) -> Outcome {
    let sink = DiagnosticSink()
    let book = ReferenceBook(sink: sink)
    var parts = PackParts()

    guard let manifest = files.first(where: { $0.path == "pack.yaml" }) else {
      let place = files.first.map { SourceLocation(file: $0.displayPath) } ?? SourceLocation(file: "pack.yaml")
      sink.error("the pack has no pack.yaml", at: place)
      return Outcome(pack: nil, diagnostics: sink.items)
    }
    let ordered =
      [manifest] + files.filter { $0.path != "pack.yaml" && sections.contains(FileRole(path: $0.path).section) }
    for file in ordered {
      guard let root = YAMLDocument.parse(file.text, file: file.displayPath, sink: sink),
        let mapping = root.mapping("the file")
      else { continue }
      checkVersion(mapping)
      let parser = PackParser(book: book, sink: sink)
      switch FileRole(path: file.path) {
      case .manifest: parser.readManifest(mapping, into: &parts)
      case .claims: parser.readClaims(mapping, into: &parts)
      case .questions: parser.readQuestions(mapping, into: &parts)
      case .credentials: parser.readCredentials(mapping, into: &parts)
      case .paths: parser.readPaths(mapping, into: &parts)
      case .jobDescription: parser.readJobDescriptionRules(mapping, into: &parts)
      case .lexicon: parser.readLexicon(mapping, into: &parts)
      case .postingModel: parser.readPostingModel(mapping, into: &parts)
      case .clarify: parser.readClarify(mapping, into: &parts)
      case .workshop: parser.readAgenda(mapping, into: &parts)
      case .narrative: parser.readNarrativeRules(mapping, into: &parts)
      case .unknown:
        sink.warning(
          "unknown file ignored: pack files are pack.yaml, claims.yaml, credentials.yaml, paths.yaml, jd.yaml, jd-model.yaml, clarify.yaml, narrative.yaml, questions/*.yaml, lexicon/*.yaml and workshops/*.yaml",
          at: root.location, rule: "schema")
      }
    }
    let unscored = Set(parts.areas.filter { !$0.scored }.map(\.id))
    book.votable = Set(
      parts.questions.filter { [.single, .likert, .forced, .yesno].contains($0.kind) && !unscored.contains($0.area) }
        .map(\.id))
    book.checkAll()
    parts.checkPostingModel(sink)
    guard !sink.hasErrors, let pack = parts.assemble() else {
      return Outcome(pack: nil, diagnostics: sink.items)
    }
    return Outcome(pack: pack, diagnostics: sink.items)
  }

  private static func checkVersion(_ mapping: YAMLMapping) {
    guard let version = mapping.integer("version", in: PackRanges.formatVersion, required: true) else { return }
    if version > formatVersion {
      mapping.sink.error(
        "written for a newer rolefit (format version \(version); this rolefit reads version \(formatVersion))",
        at: mapping.value("version")?.location ?? mapping.location)
    } else if version < 1 {
      mapping.sink.error(
        "'version' must be \(formatVersion)", at: mapping.value("version")?.location ?? mapping.location)
    }
  }
}

extension ContentLoader {
  /// Parts of a pack a command needs.
  ///
  /// Each part is closed under the references its files make, so loading a part checks it fully;
  /// commands that need less start faster.
  public struct Sections: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Roles, claims, questions, credentials and learning paths.
    public static let assessment = Sections(rawValue: 1)
    /// `jd.yaml`, the lexicon and `narrative.yaml` (which reads with the job-description engine).
    public static let jobDescription = Sections(rawValue: 2)
    /// `clarify.yaml`.
    public static let clarify = Sections(rawValue: 4)
    /// Workshop agendas.
    public static let workshops = Sections(rawValue: 8)
    public static let all: Sections = [.assessment, .jobDescription, .clarify, .workshops]
  }
}

/// What a file of the pack holds, by its path.
enum FileRole {
  case manifest, claims, questions, credentials, paths, jobDescription, postingModel, lexicon, clarify, workshop,
    narrative, unknown

  /// The part of the pack the file belongs to (unknown files are read with everything, to warn about them).
  var section: ContentLoader.Sections {
    switch self {
    case .manifest, .claims, .questions, .credentials, .paths: return .assessment
    case .jobDescription, .postingModel, .lexicon, .narrative: return .jobDescription
    case .clarify: return .clarify
    case .workshop: return .workshops
    case .unknown: return .all
    }
  }

  init(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let folder = path.contains("/") ? String(path.split(separator: "/")[0]) : ""
    switch (folder, name) {
    case ("", "pack.yaml"): self = .manifest
    case ("", "claims.yaml"): self = .claims
    case ("", "credentials.yaml"): self = .credentials
    case ("", "paths.yaml"): self = .paths
    case ("", "jd.yaml"): self = .jobDescription
    case ("", "jd-model.yaml"): self = .postingModel
    case ("", "clarify.yaml"): self = .clarify
    case ("", "narrative.yaml"): self = .narrative
    case ("questions", _): self = .questions
    case ("lexicon", _): self = .lexicon
    case ("workshops", _): self = .workshop
    default: self = .unknown
    }
  }
}
