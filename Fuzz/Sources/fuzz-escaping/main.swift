import Foundation
import FuzzSupport
import RolefitCore

/// The sanitiser and the Markdown escaper: whatever goes in, nothing a terminal or a Markdown
/// viewer acts on comes out, and clean text passes unchanged.
func fuzzEscaping(_ data: UnsafeRawBufferPointer) -> Int32 {
  let text = FuzzPacks.text(data)
  let visible = ControlCharacters.visible(text)
  FuzzPacks.requireNoControls(visible, "visible(_:)")
  precondition(ControlCharacters.isClean(visible), "visible(_:) output is not clean")
  if ControlCharacters.isClean(text) { precondition(visible == text, "clean text was changed") }
  let styled = ControlCharacters.visible(text, keepingStyles: true)
  for (index, scalar) in styled.unicodeScalars.enumerated() where scalar == "\u{1B}" {
    let next = styled.unicodeScalars.dropFirst(index + 1).first
    precondition(next == "[", "an escape that is not a style survived")
  }
  let markdown = MarkdownText.inline(text)
  FuzzPacks.requireNoControls(markdown, "MarkdownText")
  precondition(!markdown.contains("\n"), "a line break in inline Markdown")
  return 0
}

runFuzzer(fuzzEscaping)
