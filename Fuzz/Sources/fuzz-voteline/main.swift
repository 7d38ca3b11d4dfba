import Foundation
import FuzzSupport
import RolefitCore

/// Vote lines as a facilitator types them: any line against a roster and an item's options.
func fuzzVoteLine(_ data: UnsafeRawBufferPointer) -> Int32 {
  let participants = ["Ana", "Ben", "Bea", "Chen", "Dévi"]
  let options = ["a", "b", "c", "project", "program"]
  switch VoteLine.parse(FuzzPacks.text(data), participants: participants, options: options) {
  case .success(let result):
    precondition(result.votes.keys.allSatisfy(participants.contains), "a vote for someone not in the roster")
    precondition(result.votes.values.allSatisfy(options.contains), "a vote for an option the item lacks")
  case .failure(let problem):
    precondition(problem.description.count < 400, "a message echoing the whole line")
  }
  return 0
}

runFuzzer(fuzzVoteLine)
