/// The kinds of id a pack's files refer to each other by.
enum ReferenceKind: String {
  case role
  case area
  case claim
  case source
  case credential
  case education = "education level"
  case question
  /// A role id or a job-description other-kind id.
  case weightTarget = "role or other kind"
  case lexiconEntry = "lexicon entry"
  case agenda
  /// A bank question an agenda votes on: it must exist and take a single answer.
  case agendaQuestion = "votable question"
}

/// A reference to an id, recorded while parsing and checked once everything is read.
struct Reference {
  var kind: ReferenceKind
  var id: String
  var location: SourceLocation
}

/// Collects references and definitions, then reports the dangling and the duplicated.
final class ReferenceBook {
  private var references: [Reference] = []
  private var definitions: [ReferenceKind: [String: SourceLocation]] = [:]
  private let sink: DiagnosticSink

  init(sink: DiagnosticSink) { self.sink = sink }

  func refer(_ kind: ReferenceKind, _ id: String, at location: SourceLocation) {
    references.append(Reference(kind: kind, id: id, location: location))
  }

  /// Records a definition; a second one with the same id is an error.
  func define(_ kind: ReferenceKind, _ id: String, at location: SourceLocation) {
    if let first = definitions[kind]?[id] {
      sink.error("duplicate \(kind.rawValue) id '\(id)' (first defined at \(first))", at: location, rule: "reference")
      return
    }
    definitions[kind, default: [:]][id] = location
  }

  /// The bank questions a group can vote on (single answer, not profile), set by the loader.
  var votable: Set<String> = []

  func ids(_ kind: ReferenceKind) -> Set<String> { Set(definitions[kind]?.keys ?? [:].keys) }

  /// Reports every reference to an id that is not defined, with the nearest defined one.
  func checkAll() {
    var knownByKind: [ReferenceKind: Set<String>] = [:]
    for reference in references {
      let known: Set<String>
      if let cached = knownByKind[reference.kind] {
        known = cached
      } else {
        switch reference.kind {
        case .weightTarget: known = ids(.role).union(ids(.weightTarget))
        case .agendaQuestion: known = votable
        default: known = ids(reference.kind)
        }
        knownByKind[reference.kind] = known
      }
      guard !known.contains(reference.id) else { continue }
      var message = "unknown \(reference.kind.rawValue) '\(reference.id)'"
      if let near = EditDistance.suggestion(for: reference.id, among: known.sorted()) {
        message += " (did you mean '\(near)'?)"
      }
      sink.error(message, at: reference.location, rule: "reference")
    }
  }

  /// The ids of `kind` that something refers to.
  func referencedIDs(_ kind: ReferenceKind) -> Set<String> {
    Set(references.filter { $0.kind == kind }.map(\.id))
  }
}
