import Foundation
import FuzzSupport
import RolefitCore

/// Answers files, YAML or JSON: parse, and when they parse, score and render them; the JSON
/// document reads back as the document that wrote it.
func fuzzAnswers(_ data: UnsafeRawBufferPointer) -> Int32 {
  let pack = FuzzPacks.bundled
  guard let sheet = try? AnswerFile.parse(FuzzPacks.text(data), file: "fuzz.yaml", pack: pack) else { return 0 }
  let report = AssessmentReport(pack: pack, answers: sheet)
  let renderer = AssessmentRenderer(pack: pack)
  let document = AssessmentDocument(report, pack: pack, date: CalendarDate(year: 2026, month: 1, day: 1))
  guard let decoded = try? AssessmentDocument.decode(Data(JSONOutput.encode(document).utf8)), decoded == document else {
    fatalError("the assessment's JSON does not read back as its document")
  }
  FuzzPacks.requireNoControls(ControlCharacters.visible(renderer.render(report, as: .text)), "the result")
  return 0
}

runFuzzer(fuzzAnswers)
