import Foundation
import RolefitCore
import Testing

/// `rolefit workshop serve` on the loopback address, with curl as each participant's browser.
@Suite(.serialized) struct WorkshopServeEndToEndTests {
  static let roster = ["Ana Maria", "Ben", "Chen", "Dee", "Eli"]

  /// A saved workshop on the intro agenda, whose first item has options a, b, c.
  func newWorkshop(_ environment: [String: String], roster: [String] = roster) throws {
    let created = try RolefitBinary.run(
      [
        "workshop", "new", "room", "--agenda", "project-or-program-intro", "--participants",
        roster.joined(separator: ", "),
      ], input: "quit\n", environment: environment)
    #expect(created.status == 0, "\(created.stderr)")
  }

  @Test func fiveParticipantsJoinVoteChangeRevealRevoteAndTheReportMatches() throws {
    let environment = RolefitBinary.environment()
    try newWorkshop(environment)
    let served = try ServedWorkshop(["workshop", "serve", "room", "--port", "0"], environment: environment)
    #expect(served.link.hasPrefix("http://127.0.0.1:"), "loopback unless another address is chosen")
    let devices = try Self.roster.map { _ in try Device(link: served.link) }
    for (device, name) in zip(devices, Self.roster) {
      let joined = try device.post("/join", [("name", name)])
      #expect(joined.status == 303)
      #expect(joined.headers.lowercased().contains("set-cookie: rolefit-device="))
      #expect(joined.headers.contains("HttpOnly"))
    }
    #expect(served.waitFor("Eli joined from a device"))

    for (device, option) in zip(devices, ["a", "b", "a", "a", "c"]) {
      #expect(try device.post("/vote", [("option", option)]).status == 303)
    }
    #expect(served.waitFor("5 of 5 · everyone has voted"))
    #expect(served.output(after: 0).contains("Ana Maria voted · 1 of 5 · waiting for Ben, Chen, Dee, Eli"))
    let page = try devices[1].get("/vote")
    #expect(page.body.contains("Your vote: <b>b</b>"))
    // Ben changes his mind before the reveal.
    #expect(try devices[1].post("/vote", [("option", "a")]).status == 303)
    #expect(try devices[1].get("/vote").body.contains("Your vote: <b>a</b>"))

    var mark = served.mark
    served.type("reveal")
    #expect(served.waitFor("Round 1 · 5 votes", after: mark))
    let revealed = try devices[4].get("/vote").body
    #expect(revealed.contains("Round 1: 5 votes"))
    #expect(revealed.contains("Teaching note"))
    let late = try devices[4].post("/vote", [("option", "a")])
    #expect(late.status == 409, "no change after the reveal")
    #expect(late.body.contains("this round was revealed"))

    mark = served.mark
    served.type("revote")
    #expect(served.waitFor("Round 2", after: mark))
    for device in devices { #expect(try device.post("/vote", [("option", "a")]).status == 303) }
    #expect(served.waitFor("5 of 5 · everyone has voted", after: mark))
    served.type("reveal")
    #expect(served.waitFor("Everyone chose a.", after: mark))
    served.type("quit")
    #expect(served.close() == 0)
    #expect(try devices[0].get().status == 0, "the server stops with the workshop")

    let report = try RolefitBinary.run(["workshop", "report", "room"], environment: environment)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("- Round 1: a 4, b 0, c 1"))
    #expect(report.stdout.contains("- Round 2: a 5, b 0, c 0"))
  }

  @Test func theTokenTheCookieAndTheLimitsHold() throws {
    let environment = RolefitBinary.environment()
    try newWorkshop(environment)
    let served = try ServedWorkshop(["workshop", "serve", "room", "--open-roster"], environment: environment)
    let ana = try Device(link: served.link)
    let stranger = try Device(link: served.link)
    let base = served.link.replacingOccurrences(of: #"/w/[0-9a-f]+$"#, with: "", options: .regularExpression)

    // Only the workshop's pages, only with its token.
    #expect(try stranger.get("/", base: base).status == 404)
    #expect(try stranger.get("/w/0123456789abcdef0123456789abcdef", base: base).status == 404)
    #expect(try stranger.get().status == 200)

    // A vote needs a device that joined; a forged cookie is not one.
    #expect(try stranger.post("/vote", [("option", "a")]).status == 403)
    #expect(try ana.post("/join", [("name", "ana maria")]).status == 303)
    #expect(try ana.get("/vote").body.contains("you are Ana Maria"))
    // Nobody else can take a claimed name, nor vote as someone else.
    let taken = try stranger.post("/join", [("name", "Ana Maria")])
    #expect(taken.status == 409)
    #expect(taken.body.contains("Ana Maria has already joined from another device"))
    #expect(try stranger.post("/join", [("name", "Ben")]).status == 303)
    let asAna = try stranger.post("/vote", [("participant", "Ana Maria"), ("option", "b")])
    #expect(asAna.status == 403)
    #expect(try stranger.post("/vote", [("option", "c")]).status == 303)
    #expect(served.waitFor("Ben voted"))
    #expect(!served.output(after: 0).contains("Ana Maria voted"), "the refused vote was not recorded")

    // Names: at most 40 characters, escaped wherever they are shown.
    let long = try Device(link: served.link)
    let refused = try long.post("/join", [("name", String(repeating: "x", count: 41))])
    #expect(refused.status == 403)
    let script = try Device(link: served.link)
    #expect(try script.post("/join", [("name", "<script>alert(1)</script>")]).status == 303)
    let page = try script.get("/vote").body
    #expect(page.contains("you are &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!page.contains("<script>alert"))

    // A body past 4 KB is refused whole.
    let huge = try ana.post("/vote", raw: "option=a&pad=" + String(repeating: "p", count: 5000))
    #expect(huge.status == 413)

    // A device hammering the server is slowed down.
    let statuses = try ana.statuses("/vote", count: 60)
    #expect(statuses.prefix(20).allSatisfy { $0 == 200 })
    #expect(statuses.contains(429))
    #expect(served.close() == 0)
  }

  @Test func killNineThenResumeKeepsEveryVoteTheItemAndTheDevices() throws {
    let environment = RolefitBinary.environment()
    try newWorkshop(environment, roster: ["Ana", "Ben", "Chen"])
    let first = try ServedWorkshop(["workshop", "serve", "room"], environment: environment)
    let devices = try (0..<3).map { _ in try Device(link: first.link) }
    for (device, name) in zip(devices, ["Ana", "Ben", "Chen"]) {
      #expect(try device.post("/join", [("name", name)]).status == 303)
    }
    first.type("next")
    #expect(first.waitFor("Item 2 of"))
    for (device, option) in zip(devices, ["a", "b", "b"]) {
      #expect(try device.post("/vote", [("option", option)]).status == 303)
    }
    #expect(first.waitFor("3 of 3 · everyone has voted"))
    first.kill9()

    // The same port, so the pages that were open reconnect by themselves.
    let second = try ServedWorkshop(
      ["workshop", "serve", "room", "--port", String(first.port)], environment: environment)
    #expect(second.link == first.link, "the join link survives a restart")
    #expect(second.output(after: 0).contains("Item 2 of"), "the current item comes back")
    #expect(try devices[1].get("/vote").body.contains("Your vote: <b>b</b>"), "the cookie still names Ben")
    #expect(try devices[1].get("/vote").body.contains("3 of 3 have voted"))
    second.type("reveal")
    #expect(second.waitFor("Round 1 · 3 votes"))
    second.type("quit")
    #expect(second.close() == 0)
  }

  @Test func theProjectorViewShowsTheItemLargeWithoutIDs() throws {
    let environment = RolefitBinary.environment()
    try newWorkshop(environment, roster: ["Ana", "Ben"])
    let served = try ServedWorkshop(["workshop", "serve", "room"], environment: environment)
    let projector = try Device(link: served.link)
    let ana = try Device(link: served.link)
    #expect(try ana.post("/join", [("name", "Ana")]).status == 303)
    #expect(try ana.post("/vote", [("option", "b")]).status == 303)
    let before = try projector.get("/screen")
    #expect(before.status == 200)
    #expect(before.body.contains("1 of 2 have voted"))
    #expect(before.body.contains("font-size:3rem"), "large text")
    let pack = try RolefitBinary.bundledPack()
    let agenda = try #require(pack.agenda("project-or-program-intro"))
    for entry in agenda.items.prefix(3) {
      #expect(!before.body.contains(entry.item.id), "no internal item ids on the projector")
    }
    #expect(!before.body.contains("project-or-program-intro"))
    #expect(!before.body.contains("you are"), "the projector is nobody's device")
    // Its update script asks for the projector's stream in plain script, not HTML entities.
    #expect(before.body.contains(#"+ "/events" + "?screen=1");"#))
    #expect(!before.body.contains("&quot;?screen=1"))
    for id in pack.sources.map(\.id) { #expect(!before.body.contains(id), "no source ids on the projector") }
    served.type("reveal")
    #expect(served.waitFor("Round 1 · 1 vote"))
    let after = try projector.get("/screen")
    #expect(after.body.contains("Round 1: 1 vote"))
    #expect(after.body.contains("Teaching note"))
    for id in pack.sources.map(\.id) { #expect(!after.body.contains(id), "the teaching note names sources by title") }
    // The update stream names what the projector shows, so it reloads when it changes.
    let stream = try projector.stream("/events?screen=1", seconds: 1)
    #expect(stream.contains("data: 0.1.1.1"), "item 1, round 1, revealed, one vote")
    #expect(served.close() == 0)
  }

  @Test func helpListsAgendasAndResumeCompletesWorkshopNames() throws {
    let help = try RolefitBinary.run(["workshop", "new", "--help"])
    #expect(help.stdout.contains("project-or-program-intro"))
    #expect(help.stdout.contains("hiring-panel-calibration"))

    let environment = RolefitBinary.environment()
    try newWorkshop(environment)
    let terminal = try PseudoTerminal(arguments: [], environment: environment)
    #expect(terminal.waitFor("rolefit> "))
    terminal.type("workshop resume ro\t")
    #expect(terminal.waitFor("workshop resume room"))
    terminal.type("\u{15}quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test(.enabled(if: HeadlessChromium.executable != nil, "needs chromium (Debian: apt-get install chromium)"))
  func aRealBrowserJoinsVotesAndSeesTheRevealArriveByItself() throws {
    let environment = RolefitBinary.environment()
    try newWorkshop(environment, roster: ["Ana", "Ben"])
    let served = try ServedWorkshop(["workshop", "serve", "room"], environment: environment)
    let browser = try HeadlessChromium(try #require(HeadlessChromium.executable), opening: served.link)
    defer { browser.close() }
    #expect(browser.waitForText("Choose your name"))
    try browser.click("button[value='Ana']")
    #expect(browser.waitForText("Tap an option to vote."))
    try browser.click("button[value='b']")
    #expect(browser.waitForText("Your vote: b."))
    #expect(served.waitFor("Ana voted · 1 of 2 · waiting for Ben"))
    // The facilitator reveals; the page, left alone, reloads itself (its script runs under the
    // page's Content-Security-Policy) and shows the result.
    let before = try browser.evaluate("String(performance.timeOrigin)")
    served.type("reveal")
    #expect(served.waitFor("Round 1 · 1 vote"))
    #expect(browser.waitForText("Teaching note"))
    #expect(try browser.evaluate("String(performance.timeOrigin)") != before, "a new page load, not ours")
    served.type("quit")
    #expect(served.close() == 0)
  }
}
