extension PackParser {
  // MARK: jd-model.yaml

  func readPostingModel(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: [
      "version", "classes", "temperature", "uncertain_below", "calibration", "fitted", "bias", "titles", "cues",
      "entries",
    ])
    let classes = map.strings("classes").map(\.0)
    for (id, location) in map.strings("classes") where id != JobDescriptionAnalyzer.otherID {
      book.refer(.role, id, at: location)
    }
    if classes.count < 2 || Set(classes).count != classes.count {
      sink.error("'classes' needs two or more different classes (role ids and 'other')", at: map.location)
      return
    }
    let temperature = bounded(map, "temperature", PackRanges.temperature) ?? 1
    let uncertainBelow = bounded(map, "uncertain_below", 0...1) ?? 0
    var calibration = PostingModel.Calibration.identity
    if let fitted = map.value("calibration")?.mapping("'calibration'") {
      fitted.rejectUnknownKeys(allowed: ["intercept", "slope"])
      calibration = .init(
        intercept: fitted.number("intercept", in: PackRanges.calibrationIntercept) ?? 0,
        slope: fitted.number("slope", in: PackRanges.calibrationSlope) ?? 1)
    }
    var titles: [String: [Double]] = [:]
    for entry in map.value("titles")?.mapping("'titles'")?.entries ?? [] {
      if entry.key != PostingModel.dualTitle && entry.key != PostingModel.noTitle {
        book.refer(.weightTarget, entry.key, at: entry.keyLocation)
      }
      titles[entry.key] = classWeights(entry.value, classes, "title '\(entry.key)'")
    }
    var cues: [String: [Double]] = [:]
    for entry in map.value("cues")?.mapping("'cues'")?.entries ?? [] {
      if !PostingModel.cueIDs.contains(entry.key) {
        sink.error(
          "unknown cue '\(entry.key)' (cues are \(PostingModel.cueIDs.sorted().joined(separator: ", ")))",
          at: entry.keyLocation)
      }
      cues[entry.key] = classWeights(entry.value, classes, "cue '\(entry.key)'")
    }
    var entries: [String: [Double]] = [:]
    for entry in map.value("entries")?.mapping("'entries'")?.entries ?? [] {
      book.refer(.lexiconEntry, entry.key, at: entry.keyLocation)
      entries[entry.key] = classWeights(entry.value, classes, "entry '\(entry.key)'")
      parts.postingModelEntryLocations[entry.key] = entry.keyLocation
    }
    let bias = map.required("bias").map { classWeights($0, classes, "'bias'") } ?? classes.map { _ in 0 }
    parts.postingModel = PostingModel(
      classes: classes, bias: bias, titles: titles, entries: entries, cues: cues, temperature: temperature,
      uncertainBelow: uncertainBelow, calibration: calibration,
      provenance: map.value("fitted")?.mapping("'fitted'").map(readProvenance))
  }

  /// A mapping of class ids to signed weights, as a vector in class order (missing classes are 0).
  private func classWeights(_ value: YAMLValue, _ classes: [String], _ what: String) -> [Double] {
    var weights = classes.map { _ in 0.0 }
    guard let map = value.mapping(what) else { return weights }
    for entry in map.entries {
      guard let index = classes.firstIndex(of: entry.key) else {
        sink.error(
          "unknown class '\(entry.key)' in \(what) (classes: \(classes.joined(separator: ", ")))", at: entry.keyLocation
        )
        continue
      }
      guard let number = entry.value.number("weight '\(entry.key)' in \(what)", in: PackRanges.modelWeight) else {
        continue
      }
      weights[index] = number
    }
    return weights
  }

  private func bounded(_ map: YAMLMapping, _ key: String, _ range: ClosedRange<Double>) -> Double? {
    map.number(key, in: range, required: true)
  }

  private func readProvenance(_ map: YAMLMapping) -> PostingModel.Provenance {
    map.rejectUnknownKeys(allowed: [
      "data", "postings", "date", "folds", "regularization", "title_regularization", "prior_scale",
      "low_confidence_weight", "cross_validated",
    ])
    var figures: [String: Double] = [:]
    for entry in map.value("cross_validated")?.mapping("'cross_validated'")?.entries ?? [] {
      if let number = entry.value.number("'\(entry.key)'", in: PackRanges.share) { figures[entry.key] = number }
    }
    return .init(
      data: map.string("data") ?? "", postings: map.integer("postings", in: 0...100_000_000) ?? 0,
      date: map.string("date") ?? "",
      folds: map.integer("folds", in: 0...20) ?? 0, regularization: map.number("regularization", in: 0...10) ?? 0,
      titleRegularization: map.number("title_regularization", in: 0...10) ?? 0,
      priorScale: map.number("prior_scale", in: 0...2) ?? PostingModelFitter.defaultPriorScale,
      lowConfidenceWeight: map.number("low_confidence_weight", in: PackRanges.share) ?? 1, crossValidated: figures)
  }
}

extension PackParts {
  /// A fitted entry may count only towards what its lexicon entry says it points to, and never
  /// against it: the fit learns how much, the entry's reason says which way.
  func checkPostingModel(_ sink: DiagnosticSink) {
    guard let model = postingModel, let rules = jobDescription else { return }
    let otherKinds = Set(rules.otherKinds.map(\.id))
    for entry in lexicon {
      guard let weights = model.entries[entry.id], let location = postingModelEntryLocations[entry.id] else {
        continue
      }
      let allowed = Set(
        entry.weights.keys.map { otherKinds.contains($0) ? JobDescriptionAnalyzer.otherID : $0 })
      for (index, weight) in weights.enumerated() where weight != 0 {
        let target = model.classes[index]
        if weight < 0 {
          sink.error(
            "entry '\(entry.id)' has a negative weight for '\(target)': a fitted entry counts only towards what it points to",
            at: location)
        } else if !allowed.contains(target) {
          sink.error(
            "entry '\(entry.id)' is weighted for '\(target)', which its lexicon entry does not point to (it points to \(allowed.sorted().joined(separator: ", ")))",
            at: location)
        }
      }
    }
  }
}
