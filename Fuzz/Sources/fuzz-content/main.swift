import Foundation
import FuzzSupport
import RolefitCore

/// The files a content pack is made of: the input replaces one file of the trainer pack (the
/// first byte picks which); whatever loads is linted, and a bank answered with each option.
func fuzzContent(_ data: UnsafeRawBufferPointer) -> Int32 {
  guard let first = data.first else { return 0 }
  let targets = [
    "pack.yaml", "claims.yaml", "credentials.yaml", "paths.yaml", "jd.yaml", "clarify.yaml", "questions/success.yaml",
    "lexicon/fuzz.yaml", "workshops/fuzz.yaml",
  ]
  let path = targets[Int(first) % targets.count]
  let text = FuzzPacks.text(UnsafeRawBufferPointer(rebasing: data.dropFirst()))
  var files = FuzzPacks.trainerFiles.filter { $0.path != path }
  files.append(PackFile(path: path, displayPath: "fuzz/" + path, text: text))
  let outcome = ContentLoader.read(files)
  guard let pack = outcome.pack else { return 0 }
  _ = PackLinter(pack: pack).lint()
  var sheet = AnswerSheet()
  for question in pack.questions {
    if let first = question.options.first { sheet[question.id] = .choice(first.id) }
  }
  _ = AssessmentRenderer(pack: pack).render(AssessmentReport(pack: pack, answers: sheet), as: .text)
  if let analyzer = try? JobDescriptionAnalyzer(pack: pack) {
    _ = try? analyzer.analyze(
      Posting(id: "p", text: "Manage the program roadmap and the project schedule.", title: nil))
  }
  return 0
}

runFuzzer(fuzzContent)
