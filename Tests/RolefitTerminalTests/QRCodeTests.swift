import Foundation
import Testing

@testable import RolefitTerminal

/// The join link's QR code comes from the system's `qrencode`, when there is one.
@Suite struct QRCodeTests {
  static let hasEncoder = FileManager.default.isExecutableFile(atPath: "/usr/bin/qrencode")

  @Test(.enabled(if: hasEncoder, "needs Debian's qrencode"))
  func aLinkIsDrawnAsASquareOfHalfBlocks() throws {
    let code = try #require(QRCode.text(for: "http://192.168.1.20:8080/w/0123456789abcdef0123456789abcdef"))
    let rows = code.split(separator: "\n")
    let width = try #require(rows.first?.count)
    // Two modules a row: a square code is about half as tall as it is wide, every row as wide.
    #expect(width >= 25 && rows.allSatisfy { $0.count == width })
    #expect(abs(rows.count * 2 - width) <= 2)
    #expect(code.unicodeScalars.allSatisfy { " \n█▀▄".unicodeScalars.contains($0) })
  }

  @Test func withNoEncoderThereIsNoCode() {
    #expect(QRCode.text(for: "http://127.0.0.1:1/w/x", environment: ["PATH": "/nonexistent"]) == nil)
  }
}
