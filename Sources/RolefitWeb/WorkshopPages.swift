import Foundation
import RolefitCore

/// The participants' pages and the projector view: server-rendered, readable on a phone, working
/// without JavaScript; a few lines of script reload a page when what it shows has changed.
struct WorkshopPages {
  let session: WorkshopSession
  let pack: ContentPack
  /// The page's own address prefix: `/w/TOKEN`.
  let base: String
  /// The nonce that lets this response's one inline script run.
  let nonce: String

  // MARK: Pages

  /// Choosing a name: the roster names nobody has claimed, and a free name when the roster is open.
  func join(open: Bool, claimed: Set<String>, problem: String? = nil) -> HTML {
    let free = session.participants.filter { !claimed.contains($0) }
    let choices: [HTML] = free.map { name in
      "<button class=\"choice\" type=\"submit\" name=\"name\" value=\"\(name)\">\(name)</button>"
    }
    let typed: HTML =
      open
      ? """
      <form method="post" action="\(base)/join" class="typed">
      <label for="name">Not on the list? Your name:</label>
      <input id="name" name="name" maxlength="\(WorkshopEngine.longestName)" autocomplete="name" required>
      <button type="submit">Join</button></form>
      """ : ""
    return page(
      title: "Join \(session.name)",
      body: """
        <h1>\(session.name)</h1>
        \(problem.map { "<p class=\"problem\" role=\"alert\">\($0)</p>" as HTML } ?? "")
        <p>Choose your name to vote from this device.</p>
        <form method="post" action="\(base)/join" class="choices">\(choices)</form>
        \(free.isEmpty && !open ? "<p>Everyone on the roster has joined. Ask the facilitator to add you.</p>" as HTML : "")
        \(typed)
        """, refreshKey: WorkshopPages.participantKey(session))
  }

  /// The current item: the text, the options as buttons, the participant's vote; after the
  /// reveal, the distribution and the teaching note.
  func vote(participant: String, reveal: WorkshopReveal?, problem: String? = nil) -> HTML {
    guard let current = session.current else {
      return page(
        title: session.name,
        body: "<h1>\(session.name)</h1><p>The workshop is over. Thank you, \(participant).</p>",
        refreshKey: WorkshopPages.participantKey(session))
    }
    let options = session.options(for: current.item, pack: pack)
    let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
    let mine = session.votes[key]?[participant]
    let voted = session.participants.count - session.waitingFor.count
    let body: HTML
    if let reveal {
      body = """
        \(header(current: current))
        \(problem.map { "<p class=\"problem\" role=\"alert\">\($0)</p>" as HTML } ?? "")
        \(itemText(current.item))
        \(distribution(reveal, mine: mine))
        """
    } else {
      let buttons: [HTML] = options.enumerated().map { index, option in
        let chosen = option.id == mine
        return """
          <button class="choice\(chosen ? " chosen" : "")" type="submit" name="option" value="\(option.id)"\
          \(chosen ? " aria-pressed=\"true\"" as HTML : "")><b>\(label(index, options))</b> \(option.text)</button>
          """
      }
      let status: HTML =
        mine.map { choice in
          let index = options.firstIndex { $0.id == choice } ?? 0
          return
            "<p class=\"mine\">Your vote: <b>\(label(index, options))</b>. Tap another option to change it until the reveal.</p>"
        } ?? "<p class=\"mine\">Tap an option to vote.</p>"
      body = """
        \(header(current: current))
        \(problem.map { "<p class=\"problem\" role=\"alert\">\($0)</p>" as HTML } ?? "")
        \(itemText(current.item))
        <form method="post" action="\(base)/vote" class="choices">\(buttons)</form>
        \(status)
        <p class="quiet">\(voted) of \(session.participants.count) have voted · you are \(participant)</p>
        """
    }
    return page(title: session.name, body: body, refreshKey: WorkshopPages.participantKey(session))
  }

  /// The projector view: the item large, how many have voted, the result once revealed; no ids.
  func screen(reveal: WorkshopReveal?, joinLink: String) -> HTML {
    guard let current = session.current else {
      return page(
        title: session.name, body: "<h1 class=\"huge\">\(session.name)</h1><p class=\"huge\">Thank you.</p>",
        refreshKey: WorkshopPages.screenKey(session), projector: true)
    }
    let options = session.options(for: current.item, pack: pack)
    let voted = session.participants.count - session.waitingFor.count
    let list: [HTML] = options.enumerated().map { index, option in
      "<li><b>\(label(index, options))</b> \(option.text)</li>"
    }
    let body: HTML = """
      \(header(current: current))
      \(itemText(current.item))
      \(reveal.map { distribution($0, mine: nil) } ?? "<ol class=\"options\">\(list)</ol><p class=\"count\">\(voted) of \(session.participants.count) have voted</p>")
      <p class="quiet">Join: \(joinLink)</p>
      """
    return page(title: session.name, body: body, refreshKey: WorkshopPages.screenKey(session), projector: true)
  }

  /// A page for a refused or unknown request.
  static func message(_ title: String, _ text: String, nonce: String) -> HTML {
    WorkshopPages.document(title: title, body: "<h1>\(title)</h1><p>\(text)</p>", refreshKey: nil, nonce: nonce)
  }

  // MARK: Parts

  private func header(current: (section: Int, item: AgendaItem)) -> HTML {
    let section = session.agenda.sections[current.section]
    return """
      <p class="quiet">\(session.name) · \(section.title) · item \(session.position + 1) of \(session.items.count)\
      \(session.round > 1 ? " · round \(session.round)" : "")</p>
      """
  }

  private func itemText(_ item: AgendaItem) -> HTML {
    switch item.content {
    case .question(let id):
      return "<h1>\(pack.question(id)?.text ?? "")</h1>"
    case .scenario(let text, _):
      return "<h1>\(text)</h1>"
    case .posting(let title, let text):
      let paragraphs: [HTML] = text.split(separator: "\n").map { "<p>\(String($0))</p>" }
      return
        "<h1>\(title)</h1><p class=\"quiet\">Project, program or other?</p><div class=\"posting\">\(paragraphs)</div>"
    }
  }

  private func distribution(_ reveal: WorkshopReveal, mine: String?) -> HTML {
    let most = max(1, reveal.counts.map(\.votes).max() ?? 1)
    let options = reveal.counts.map(\.option)
    let rows: [HTML] = reveal.counts.enumerated().map { index, count in
      let width = count.votes * 100 / most
      return """
        <li\(count.option.id == mine ? " class=\"chosen\"" : "")><span class="label"><b>\(label(index, options))</b> \
        \(count.option.text)</span><span class="bar" style="width:\(width)%"></span><span class="n">\(count.votes)</span></li>
        """
    }
    let agreement: String
    switch reveal.agreement {
    case .unanimous: agreement = "Everyone chose the same answer."
    case .majority(_, let votes, let total): agreement = "\(votes) of \(total) chose the same answer; the rest differ."
    case .split: agreement = "The group is split: discuss, then vote again."
    }
    return """
      <h2>Round \(reveal.round): \(reveal.total) vote\(reveal.total == 1 ? "" : "s")</h2>
      <ol class="bars">\(rows)</ol>
      <p>\(agreement)</p>
      <h2>Teaching note</h2><p>\(reveal.note)</p>
      """
  }

  /// `a`, `b`, `c`… for a posting's role options; the option's own id elsewhere.
  private func label(_ index: Int, _ options: [WorkshopSession.VoteOption]) -> String {
    VoteLine.letter(at: index, among: options.map(\.id)) ?? options[index].id
  }

  private func page(title: String, body: HTML, refreshKey: String, projector: Bool = false) -> HTML {
    WorkshopPages.document(title: title, body: body, refreshKey: refreshKey, nonce: nonce, projector: projector)
  }

  // MARK: The document

  /// What a participant's page shows changes when the item, the round or a reveal does.
  static func participantKey(_ session: WorkshopSession) -> String {
    let key = WorkshopSession.RoundKey(item: session.position, round: session.round)
    return "\(session.position).\(session.round).\(session.revealed.contains(key) ? 1 : 0)"
  }

  /// The projector also shows how many have voted.
  static func screenKey(_ session: WorkshopSession) -> String {
    participantKey(session) + ".\(session.participants.count - session.waitingFor.count)"
  }

  static func document(title: String, body: HTML, refreshKey: String?, nonce: String, projector: Bool = false) -> HTML {
    // With script, the page listens for changes and reloads; without, it polls every few seconds.
    let refresh: HTML =
      refreshKey.map { key in
        """
        <noscript><meta http-equiv="refresh" content="5"></noscript>
        <script nonce="\(nonce)">
        (function () {
          var shown = "\(key)";
          var events = new EventSource(location.pathname.replace(/\\/(vote|screen|join)?$/, "") + "/events"\
        \(projector ? HTML(stringLiteral: " + \"?screen=1\"") : HTML(stringLiteral: "")));
          events.onmessage = function (e) { if (e.data !== shown) { location.reload(); } };
        })();
        </script>
        """
      } ?? ""
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style nonce="\(nonce)">
      body{font:18px/1.45 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#111;background:#fff}
      h1{font-size:1.4rem}.quiet{color:#555;font-size:.9rem}.problem{background:#fee;border:1px solid #c00;padding:.5rem}
      .choices{display:flex;flex-direction:column;gap:.5rem}
      .choice{font:inherit;text-align:left;padding:.8rem;border:2px solid #888;border-radius:.5rem;background:#f6f6f6}
      .chosen{border-color:#05a;background:#e6f0ff}.mine{font-size:1rem}
      .bars{list-style:none;padding:0}.bars li{margin:.4rem 0}.bar{display:block;height:1rem;background:#05a}
      .bars .chosen .label{font-weight:bold}.posting p{margin:.3rem 0}
      input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}.typed button{font:inherit;margin-top:.5rem}
      \(projector ? "body{max-width:none;font-size:2.2rem;padding:2rem 4rem}h1{font-size:3rem}.bar{height:2rem}.count{font-size:2.6rem}" as HTML : "")
      </style>
      \(refresh)
      </head><body>
      \(body)
      </body></html>
      """
  }
}
