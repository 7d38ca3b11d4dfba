import Foundation
import RolefitCore
import Testing

/// Fitting the job-description model: directions held, reproducible, learning from the data,
/// and the figures that judge it.
@Suite struct PostingModelFitterTests {
  let pack: ContentPack
  let analyzer: JobDescriptionAnalyzer

  init() throws {
    pack = try TestPacks.bundled
    analyzer = try JobDescriptionAnalyzer(pack: pack)
  }

  /// Short postings written for the test: duties of each kind under a title that sometimes disagrees.
  func samples(_ fitter: PostingModelFitter) throws -> [PostingModelFitter.Sample] {
    let duties = [
      "project-manager": [
        "Manage the project schedule, scope and budget to go-live.", "Keep the project plan and the RAID log.",
        "Run sprint planning and send weekly status reports.",
      ],
      "program-manager": [
        "Coordinate multiple related projects and the dependencies between them.",
        "Run program governance with a steering committee.", "Drive benefits realization across the portfolio.",
      ],
      "other": [
        "Own the product vision and the product roadmap.", "Facilitate scrum ceremonies and coach the team.",
        "Take minutes and keep the action log for the project managers.",
      ],
    ]
    var result: [PostingModelFitter.Sample] = []
    for (label, sentences) in duties.sorted(by: { $0.key < $1.key }) {
      for (index, sentence) in sentences.enumerated() {
        for title in ["Project Manager", "Program Manager", "Analyst"] {
          let text = "Responsibilities\n- \(sentence)\n- \(sentences[(index + 1) % sentences.count])\n"
          let features = try analyzer.features(Posting(id: "\(label)-\(index)", text: text, title: title))
          result.append(.init(features: features, label: try #require(fitter.classIndex(of: label))))
        }
      }
    }
    return result
  }

  @Test func aLabelIsAClassOrTheFirstWordOfOne() {
    let fitter = PostingModelFitter(pack: pack)
    #expect(fitter.classIndex(of: "project") == fitter.classIndex(of: "project-manager"))
    #expect(fitter.classIndex(of: "program") == fitter.classIndex(of: "program-manager"))
    #expect(fitter.classIndex(of: "other") != nil)
    #expect(fitter.classIndex(of: "pro") == nil)
  }

  /// A label its reader was unsure of counts for less: three unsure labels at half weight are
  /// outweighed by two sure ones of the same posting, where unweighted they would win.
  @Test func anUnsureLabelCountsForLessInTheFit() throws {
    let fitter = PostingModelFitter(pack: pack, titleRegularization: 0.1, priorScale: 0)
    let features = try analyzer.features(
      Posting(id: "x", text: "Responsibilities\n- Run program governance with a steering committee.\n"))
    let project = try #require(fitter.classIndex(of: "project"))
    let program = try #require(fitter.classIndex(of: "program"))
    func leader(unsureWeight: Double) -> Int {
      let samples =
        (0..<2).map { _ in PostingModelFitter.Sample(features: features, label: program) }
        + (0..<3).map { _ in PostingModelFitter.Sample(features: features, label: project, weight: unsureWeight) }
      let model = fitter.fit(samples, folds: 2, provenance: nil)
      let scores = model.scores(features, entryIDs: pack.lexicon.map(\.id))
      return scores.indices.max { scores[$0] < scores[$1] } ?? -1
    }
    #expect(leader(unsureWeight: 1) == project)
    #expect(leader(unsureWeight: 0.5) == program)
  }

  @Test func fittedEntriesCountOnlyTowardsWhatTheyPointTo() throws {
    let fitter = PostingModelFitter(pack: pack, priorScale: 0)
    let model = fitter.fit(try samples(fitter), folds: 3, provenance: nil)
    let otherKinds = Set(pack.jobDescription?.otherKinds.map(\.id) ?? [])
    for entry in pack.lexicon {
      guard let weights = model.entries[entry.id] else { continue }
      let allowed = Set(entry.weights.keys.map { otherKinds.contains($0) ? "other" : $0 })
      for (index, weight) in weights.enumerated() where weight != 0 {
        #expect(weight > 0, "\(entry.id)")
        #expect(allowed.contains(model.classes[index]), "\(entry.id) weighted for \(model.classes[index])")
      }
    }
  }

  @Test func theFitLearnsFromTheDataAndIsReproducible() throws {
    let fitter = PostingModelFitter(pack: pack, priorScale: 0)
    let data = try samples(fitter)
    let first = fitter.fit(data, folds: 3, provenance: nil)
    let second = fitter.fit(data, folds: 3, provenance: nil)
    #expect(first == second)
    // Trained from zero, every sample of the training set is read as its label.
    let ids = pack.lexicon.map(\.id)
    for sample in data {
      let probabilities = first.probabilities(sample.features, entryIDs: ids)
      #expect(probabilities.indices.max { probabilities[$0] < probabilities[$1] } == sample.label)
    }
  }

  @Test func crossValidationScoresEachPostingWithWeightsThatNeverSawIt() throws {
    let fitter = PostingModelFitter(pack: pack, priorScale: 0)
    let data = try samples(fitter)
    // Give one posting a label its duties contradict: held out, it is read by its duties.
    var poisoned = data
    let programClass = try #require(fitter.classIndex(of: "program"))
    let target = try #require(data.firstIndex { $0.label == fitter.classIndex(of: "project") })
    poisoned[target].label = programClass
    let heldOut = fitter.crossValidate(poisoned, folds: 3)
    let probabilities = heldOut[target].probabilities
    #expect(probabilities.indices.max { probabilities[$0] < probabilities[$1] } != programClass)
    for row in heldOut { #expect(abs(row.probabilities.reduce(0, +) - 1) < 1e-9) }
  }

  @Test func theTitlesWeightIsChosenByHowMuchTheTitlesTellInAnInnerCrossValidation() throws {
    let grid = PostingModelFitter.titleRegularizationGrid
    let fitter = PostingModelFitter(pack: pack, titleRegularizationChoices: grid)
    // Titles independent of the labels, duties that decide: the title is held back hardest.
    let dutiesDecide = try samples(fitter)
    #expect(fitter.chosenTitleRegularization(dutiesDecide, folds: 3) == grid.max())
    // Titles that always agree with the labels, duties that say nothing: the title is let go.
    var titlesDecide: [PostingModelFitter.Sample] = []
    for (label, title) in [("project", "Project Manager"), ("program", "Program Manager"), ("other", "Scrum Master")] {
      for index in 0..<9 {
        let text = "Responsibilities\n- Work from our office \(index) days a week.\n"
        let features = try analyzer.features(Posting(id: "\(label)-\(index)", text: text, title: title))
        titlesDecide.append(.init(features: features, label: try #require(fitter.classIndex(of: label))))
      }
    }
    #expect(fitter.chosenTitleRegularization(titlesDecide, folds: 3) == grid.min())
    // The fitted model records the choice.
    let model = fitter.fit(
      titlesDecide, folds: 3,
      provenance: .init(
        data: "test", postings: 27, date: "2026-11-29", folds: 3, regularization: 0.01, titleRegularization: 0,
        crossValidated: [:]))
    #expect(model.provenance?.titleRegularization == grid.min())
  }

  @Test func theExpectedCalibrationErrorWeighsEachBinsGap() {
    let classes = ["a", "b"]
    func item(_ confidence: Double, right: Bool) -> CrossValidationReport.Item {
      .init(
        id: "x", label: right ? 0 : 1, probabilities: [confidence, 1 - confidence], titleClass: nil, sector: nil,
        labelConfidence: nil)
    }
    // Stated 0.95 and right 2 of 4 (gap 0.45); stated 0.65 and right 2 of 2 (gap 0.35).
    let report = CrossValidationReport(
      classes: classes,
      items: [
        item(0.95, right: true), item(0.95, right: true), item(0.95, right: false), item(0.95, right: false),
        item(0.65, right: true), item(0.65, right: true),
      ], folds: 2, titleDefault: 1)
    #expect(abs(report.expectedCalibrationError - (4 * 0.45 + 2 * 0.35) / 6) < 1e-9)
    #expect(abs(report.accuracy - 4.0 / 6) < 1e-9)
  }

  @Test func theReportSetsTheTitleWordsBesideTheTitleRules() {
    // Four postings labelled a; the words name a for one and nothing (read as c) for the rest;
    // the rules name a for three.
    let items = (0..<4).map { index in
      CrossValidationReport.Item(
        id: "x\(index)", label: 0, probabilities: [0.6, 0.3, 0.1], titleClass: index < 3 ? 0 : 1,
        titleWordsClass: index == 0 ? 0 : nil, sector: nil, labelConfidence: nil)
    }
    let report = CrossValidationReport(classes: ["a", "b", "c"], items: items, folds: 2, titleDefault: 2)
    #expect(abs((report.titleWordsAccuracy ?? 0) - 0.25) < 1e-9)
    #expect(abs(report.titleAccuracy - 0.75) < 1e-9)
    #expect(report.figures["title_words_accuracy"] == 0.25)
    #expect(report.text().contains("accuracy                  100%          25%           75%           4"))
    // A pack with no title words shows no such baseline rather than reading every title as none.
    let without = CrossValidationReport(
      classes: ["a", "b", "c"], items: items, folds: 2, titleDefault: 2, hasTitleWords: false)
    #expect(without.titleWordsAccuracy == nil && without.figures["title_words_accuracy"] == nil)
    #expect(without.text().contains("accuracy                  100%          -             75%           4"))
  }

  @Test func aWrittenModelReadsBackTheSame() throws {
    let fitter = PostingModelFitter(pack: pack)
    let model = fitter.fit(
      try samples(fitter), folds: 3,
      provenance: .init(
        data: "test", postings: 27, date: "2026-11-29", folds: 3, regularization: 0.01, titleRegularization: 0.1,
        priorScale: 0.7, lowConfidenceWeight: 0.4, crossValidated: ["accuracy": 0.9]))
    let files =
      TestPacks.bundledFiles.filter { $0.path != "jd-model.yaml" } + [
        PackFile(path: "jd-model.yaml", displayPath: "jd-model.yaml", text: model.yaml(lexicon: pack.lexicon))
      ]
    let read = try #require(try ContentLoader.load(files).pack?.postingModel)
    #expect(read.classes == model.classes)
    #expect(read.entries == model.entries)
    #expect(
      read.titles.filter { $0.value.contains { $0 != 0 } } == model.titles.filter { $0.value.contains { $0 != 0 } })
    #expect(abs(read.temperature - model.temperature) < 1e-3)
    #expect(model.calibration != .identity && read.calibration == model.calibration)
    #expect(read.provenance?.crossValidated["accuracy"] == 0.9)
    #expect(read.provenance?.priorScale == 0.7 && read.provenance?.lowConfidenceWeight == 0.4)
  }

  @Test func theConfidenceIsHowOftenAVerdictWithItsShareWasRight() {
    let shares = (0..<100).map { 0.4 + 0.55 * Double($0) / 99 }
    // Seven verdicts in ten right, whatever their share: every share means 70%.
    let flat = PostingModelFitter.calibration(shares: shares, right: shares.indices.map { $0 % 10 < 7 })
    for share in [0.4, 0.6, 0.95] { #expect(abs(flat.confidence(ofShare: share) - 0.7) < 0.03) }
    // Verdicts right as often as their share says: the share is already the confidence.
    var stated: [Double] = []
    var right: [Bool] = []
    for share in [0.5, 0.7, 0.9] {
      for index in 0..<100 {
        stated.append(share)
        right.append(Double(index) < share * 100)
      }
    }
    let honest = PostingModelFitter.calibration(shares: stated, right: right)
    for share in [0.5, 0.7, 0.9] { #expect(abs(honest.confidence(ofShare: share) - share) < 0.02) }
    // Never all-knowing from a clean record, and never lower for a larger share.
    let perfect = PostingModelFitter.calibration(shares: shares, right: shares.map { _ in true })
    #expect(perfect.confidence(ofShare: 0.95) < 1)
    #expect(perfect.confidence(ofShare: 0.95) >= perfect.confidence(ofShare: 0.4))
  }

  @Test func theCalibrationErrorIsMeasuredOnTheStatedConfidence() {
    // A verdict with half the probability, stated with the calibrated 0.9, falls in the 0.9 bin.
    let items = (0..<10).map { index in
      CrossValidationReport.Item(
        id: "x\(index)", label: index < 9 ? 0 : 1, probabilities: [0.5, 0.3, 0.2], confidence: 0.9, titleClass: nil,
        sector: nil, labelConfidence: nil)
    }
    let report = CrossValidationReport(classes: ["a", "b", "c"], items: items, folds: 2, titleDefault: 2)
    #expect(report.calibration.map(\.count) == [10])
    #expect(abs(report.expectedCalibrationError) < 1e-9)
  }

  @Test func aCalibrationThatLowersTheConfidenceOfALargerShareIsAnError() throws {
    var broken = try #require(pack.postingModel)
    broken.calibration.slope = -1
    let files =
      TestPacks.bundledFiles.filter { $0.path != "jd-model.yaml" } + [
        PackFile(path: "jd-model.yaml", displayPath: "jd-model.yaml", text: broken.yaml(lexicon: pack.lexicon))
      ]
    let outcome = ContentLoader.read(files)
    #expect(outcome.pack == nil)
    #expect(outcome.diagnostics.contains { $0.message.contains("slope") && $0.location.file == "jd-model.yaml" })
  }

  @Test func aModelThatCountsAnEntryAgainstItsDirectionIsAnError() throws {
    let model = try #require(pack.postingModel)
    let entry = try #require(model.entries.keys.sorted().first)
    var broken = model
    broken.entries[entry] = model.classes.map { _ in -1 }
    let files =
      TestPacks.bundledFiles.filter { $0.path != "jd-model.yaml" } + [
        PackFile(path: "jd-model.yaml", displayPath: "jd-model.yaml", text: broken.yaml(lexicon: pack.lexicon))
      ]
    let outcome = ContentLoader.read(files)
    #expect(outcome.pack == nil)
    #expect(
      outcome.diagnostics.contains {
        $0.message.contains("'\(entry)' has a negative weight") && $0.location.file == "jd-model.yaml"
      })
  }
}
