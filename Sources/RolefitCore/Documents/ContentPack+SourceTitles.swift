import Foundation

extension ContentPack {
  /// Content text with each source article named by its title instead of its id.
  ///
  /// Teaching notes say "the program duties in tactical-vs-strategic"; a record sent to people
  /// who never saw the pack names the article: "in “Project Manager: the tactical driver; ...”".
  /// Only whole words are replaced (an id inside a longer word stays).
  public func namingSources(in text: String) -> String {
    var result = text
    for source in sources.sorted(by: { $0.id.count > $1.id.count }) {
      var searchFrom = result.startIndex
      while let range = result.range(of: source.id, range: searchFrom..<result.endIndex) {
        let before = range.lowerBound == result.startIndex ? nil : result[result.index(before: range.lowerBound)]
        let after = range.upperBound == result.endIndex ? nil : result[range.upperBound]
        let isWord = { (character: Character?) in character.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
        if isWord(before) || isWord(after) {
          searchFrom = range.upperBound
          continue
        }
        let title = "“\(source.title)”"
        result.replaceSubrange(range, with: title)
        searchFrom = result.index(range.lowerBound, offsetBy: title.count)
      }
    }
    return result
  }
}
