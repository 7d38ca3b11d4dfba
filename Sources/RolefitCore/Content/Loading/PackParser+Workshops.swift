extension PackParser {
  // MARK: workshops/*.yaml

  func readAgenda(_ map: YAMLMapping, into parts: inout PackParts) {
    map.rejectUnknownKeys(allowed: ["version", "agenda"])
    guard let agenda = map.required("agenda")?.mapping("'agenda'") else { return }
    agenda.rejectUnknownKeys(allowed: [
      "id", "title", "audience", "minutes", "summary", "discuss_above", "sections",
    ])
    guard let id = identifier(agenda), let title = agenda.string("title"),
      let minutes = agenda.integer("minutes", in: PackRanges.minutes, required: true),
      let discussAbove = agenda.number("discuss_above", in: PackRanges.share, required: true)
    else { return }
    book.define(.agenda, id, at: agenda.location)
    var sections: [AgendaSection] = []
    var itemIDs: Set<String> = []
    for entry in agenda.sequence("sections", required: true) {
      guard let section = entry.mapping("a section") else { continue }
      section.rejectUnknownKeys(allowed: ["id", "title", "minutes", "items"])
      guard let sectionID = identifier(section), let sectionTitle = section.string("title"),
        let sectionMinutes = section.integer("minutes", in: PackRanges.minutes, required: true)
      else { continue }
      var items: [AgendaItem] = []
      for itemEntry in section.sequence("items", required: true) {
        guard let item = itemEntry.mapping("an item"), let read = readItem(item) else { continue }
        if !itemIDs.insert(read.id).inserted {
          sink.error("item '\(read.id)' appears twice in agenda '\(id)'", at: item.location, rule: "reference")
        }
        items.append(read)
      }
      sections.append(AgendaSection(id: sectionID, title: sectionTitle, minutes: sectionMinutes, items: items))
    }
    let total = sections.reduce(0) { $0 + $1.minutes }
    if total != minutes {
      sink.error("the sections' minutes add up to \(total), not the agenda's \(minutes)", at: agenda.location)
    }
    parts.agendas.append(
      Agenda(
        id: id, title: title, audience: agenda.string("audience", required: false) ?? "", minutes: minutes,
        summary: agenda.string("summary", required: false) ?? "", discussAbove: discussAbove, sections: sections,
        location: agenda.location))
  }

  private func readItem(_ item: YAMLMapping) -> AgendaItem? {
    item.rejectUnknownKeys(allowed: ["kind", "question", "id", "text", "title", "options", "note", "claims", "prompts"])
    guard let kind = item.string("kind"), let note = item.string("note") else { return nil }
    let claims = references(item, "claims", .claim)
    let prompts = item.strings("prompts").map(\.0)
    if prompts.isEmpty { sink.error("an item needs one or two discussion 'prompts'", at: item.location) }
    switch kind {
    case "question":
      guard let question = item.string("question") else { return nil }
      book.refer(.agendaQuestion, question, at: item.value("question")?.location ?? item.location)
      return AgendaItem(
        id: question, content: .question(question), note: note, claims: claims, prompts: prompts,
        location: item.location)
    case "scenario":
      guard let id = identifier(item), let text = item.string("text") else { return nil }
      var options: [AgendaItem.ScenarioOption] = []
      for entry in item.sequence("options", required: true) {
        guard let option = entry.mapping("an option") else { continue }
        option.rejectUnknownKeys(allowed: ["id", "text", "leans"])
        guard let optionID = option.string("id"), let optionText = option.string("text") else { continue }
        let leans = option.string("leans", required: false)
        if let leans { book.refer(.role, leans, at: option.value("leans")?.location ?? option.location) }
        options.append(.init(id: optionID, text: optionText, leans: leans))
      }
      if options.count < 2 { sink.error("a scenario needs at least two options", at: item.location) }
      return AgendaItem(
        id: id, content: .scenario(text: text, options: options), note: note, claims: claims, prompts: prompts,
        location: item.location)
    case "posting":
      guard let id = identifier(item), let title = item.string("title"), let text = item.string("text") else {
        return nil
      }
      return AgendaItem(
        id: id, content: .posting(title: title, text: text), note: note, claims: claims, prompts: prompts,
        location: item.location)
    default:
      sink.error(
        "unknown item kind '\(kind)'; use question, scenario or posting",
        at: item.value("kind")?.location ?? item.location)
      return nil
    }
  }
}
