import Foundation
import RolefitCore
import RolefitTerminal

/// `jd --fit` and `jd --cross-validate`: learning the engine's weights from labelled postings,
/// and measuring them on postings they were not fitted on.
struct JDModelFitting {
  let pack: ContentPack
  let analyzer: JobDescriptionAnalyzer
  let fitter: PostingModelFitter
  let folds: Int
  let seed: UInt64
  /// How much a label its reader marked `low` confidence counts in the fit.
  let lowConfidenceWeight: Double

  /// The labelled postings of a file, read into the fitter's samples.
  func samples(path: String) throws -> (postings: [LabelledPosting], samples: [PostingModelFitter.Sample]) {
    let text = try InputFiles.read(path, what: "labelled postings file")
    let source = path == "-" ? "<stdin>" : path
    let postings: [LabelledPosting]
    do {
      postings = try LabelledPosting.read(Data(text.utf8), source: source)
    } catch let error as LabelledPostingError {
      throw CLIError.badData(error.message)
    }
    guard postings.count >= folds * 2 else {
      throw CLIError.badData(
        "\(source): \(postings.count) labelled postings are too few for \(folds) folds (at least \(folds * 2))")
    }
    var samples: [PostingModelFitter.Sample] = []
    for item in postings {
      guard let label = fitter.classIndex(of: item.label) else {
        throw CLIError.unknownLabel(item.label, of: item.id ?? "a posting", in: source, classes: fitter.classes)
      }
      do {
        samples.append(
          .init(
            features: try analyzer.features(item.posting), label: label,
            weight: item.confidence == "low" ? lowConfidenceWeight : 1))
      } catch let error as PostingError {
        throw CLIError.badData("\(source): \(error.description)")
      }
    }
    return (postings, samples)
  }

  /// The cross-validated report for a labelled file.
  func crossValidate(path: String) throws -> CrossValidationReport {
    let (postings, samples) = try samples(path: path)
    return crossValidate(postings, samples)
  }

  /// The cross-validated report for postings already read.
  private func crossValidate(_ postings: [LabelledPosting], _ samples: [PostingModelFitter.Sample])
    -> CrossValidationReport
  {
    Console.standardError.line("rolefit: cross-validating on \(samples.count) postings (\(folds) folds)...")
    let probabilities = fitter.crossValidate(samples, folds: folds, seed: seed)
    let items = zip(postings, zip(samples, probabilities)).map { posting, pair in
      CrossValidationReport.Item(
        id: posting.id ?? "", label: pair.0.label, probabilities: pair.1.probabilities,
        confidence: pair.1.confidence,
        titleClass: titleClass(pair.0.features.titleKey),
        titleWordsClass: analyzer.titleWordsRole(posting.posting).flatMap(titleClass), sector: posting.sector,
        labelConfidence: posting.confidence)
    }
    return CrossValidationReport(
      classes: fitter.classes, items: items, folds: folds,
      titleDefault: fitter.classes.firstIndex(of: JobDescriptionAnalyzer.otherID) ?? 0,
      hasTitleWords: !(pack.jobDescription?.titleWords.isEmpty ?? true))
  }

  /// The class a title's role or kind counts as: its role, `other` for another kind, none when
  /// it names no role or two.
  private func titleClass(_ key: String) -> Int? {
    if let index = fitter.classes.firstIndex(of: key) { return index }
    let otherKinds = Set(pack.jobDescription?.otherKinds.map(\.id) ?? [])
    return otherKinds.contains(key) ? fitter.classes.firstIndex(of: JobDescriptionAnalyzer.otherID) : nil
  }

  /// Fits a model on every labelled posting, with the cross-validated figures as its provenance.
  func fit(path: String, today: String) throws -> (model: PostingModel, report: CrossValidationReport) {
    // Read once: standard input cannot be read twice.
    let (postings, samples) = try samples(path: path)
    let report = crossValidate(postings, samples)
    let provenance = PostingModel.Provenance(
      data: (path as NSString).lastPathComponent, postings: samples.count, date: today, folds: folds,
      regularization: fitter.regularization, titleRegularization: fitter.titleRegularization,
      priorScale: fitter.priorScale, lowConfidenceWeight: lowConfidenceWeight, crossValidated: report.figures)
    Console.standardError.line("rolefit: fitting on all \(samples.count) postings...")
    return (fitter.fit(samples, folds: folds, seed: seed, provenance: provenance), report)
  }
}
