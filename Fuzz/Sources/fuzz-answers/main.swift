import Foundation
import FuzzSupport
import RolefitCore

/// Answers files, YAML or JSON: parse, and when they parse, score and render them.
func fuzzAnswers(_ data: UnsafeRawBufferPointer) -> Int32 {
  let pack = FuzzPacks.bundled
  guard let sheet = try? AnswerFile.parse(FuzzPacks.text(data), file: "fuzz.yaml", pack: pack) else { return 0 }
  let report = AssessmentReport(pack: pack, answers: sheet)
  let renderer = AssessmentRenderer(pack: pack)
  _ = renderer.render(report, as: .json)
  FuzzPacks.requireNoControls(ControlCharacters.visible(renderer.render(report, as: .text)), "the result")
  return 0
}

runFuzzer(fuzzAnswers)
