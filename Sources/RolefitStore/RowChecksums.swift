import Foundation
internal import GRDB

/// A checksum of every row, kept by triggers, so a value changed inside a row (a flipped byte
/// in a saved posting, an answer edited by hand) is found when the file is opened.
///
/// SQLite's `quick_check` finds damage to the file's structure, not to the values it holds.
/// Each table gets triggers that write, on every insert and update, a 64-bit FNV-1a hash of the
/// row's values into `rowChecksum`, keyed by the table and the row's primary key; opening a
/// file hashes every row again and compares. The triggers are made from the tables' own
/// columns, so a table or column that a later migration adds is covered once it runs.
enum RowChecksums {
  /// The table the sums live in.
  static let table = "rowChecksum"

  /// The SQL function the triggers call: every connection of the store registers it.
  static let function = DatabaseFunction("rolefit_row_checksum", argumentCount: nil, pure: true) { values in
    var hash = FNV1a()
    for value in values { hash.add(value) }
    return Int64(bitPattern: hash.value)
  }

  /// Creates the sums' table, makes every table's triggers anew, and sums its rows.
  ///
  /// Safe to run again: a migration that changes a table runs it afterwards.
  static func install(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE IF NOT EXISTS \(table) (
          tableName TEXT NOT NULL,
          rowKey TEXT NOT NULL,
          sum INTEGER NOT NULL,
          PRIMARY KEY (tableName, rowKey)
        ) WITHOUT ROWID
        """)
    for shape in try shapes(db) {
      let name = shape.name
      let sum = { (row: String) in
        "\(function.name)(\(shape.columns.map { "\(row).\($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")))"
      }
      let record = { (row: String) in
        "INSERT OR REPLACE INTO \(table) VALUES ('\(name)', \(shape.key(row)), \(sum(row)));"
      }
      let forget = { (row: String) in
        "DELETE FROM \(table) WHERE tableName = '\(name)' AND rowKey = \(shape.key(row));"
      }
      for (suffix, body) in [
        ("insert", "AFTER INSERT ON \(name.quotedDatabaseIdentifier) BEGIN \(record("NEW")) END"),
        ("update", "AFTER UPDATE ON \(name.quotedDatabaseIdentifier) BEGIN \(forget("OLD")) \(record("NEW")) END"),
        ("delete", "AFTER DELETE ON \(name.quotedDatabaseIdentifier) BEGIN \(forget("OLD")) END"),
      ] {
        let trigger = "\(name)_checksum_\(suffix)".quotedDatabaseIdentifier
        try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
        try db.execute(sql: "CREATE TRIGGER \(trigger) \(body)")
      }
      try db.execute(sql: "DELETE FROM \(table) WHERE tableName = '\(name)'")
      try db.execute(
        sql:
          "INSERT INTO \(table) SELECT '\(name)', \(shape.key(name.quotedDatabaseIdentifier)), \(sum(name.quotedDatabaseIdentifier)) FROM \(name.quotedDatabaseIdentifier)"
      )
    }
  }

  /// A table whose rows are summed: its name, its columns in order, and its primary key.
  struct Shape {
    var name: String
    var columns: [String]
    var keyColumns: [String]

    /// The SQL for a row's key as text, from `row` (`NEW`, `OLD` or the table itself).
    func key(_ row: String) -> String {
      keyColumns.map { "quote(\(row).\($0.quotedDatabaseIdentifier))" }.joined(separator: " || ',' || ")
    }
  }

  /// Every table of the schema but SQLite's, GRDB's and the sums' own.
  static func shapes(_ db: Database) throws -> [Shape] {
    let names = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table'
          AND name NOT LIKE 'sqlite_%' AND name NOT IN ('grdb_migrations', '\(table)') ORDER BY name
        """)
    return try names.map { name in
      let columns = try db.columns(in: name)
      let primaryKey = try db.primaryKey(name)
      // A rowid table's key is its rowid (or the column that aliases it).
      let keyColumns =
        primaryKey.rowIDColumn.map { [$0] } ?? (primaryKey.columns.isEmpty ? ["rowid"] : primaryKey.columns)
      return Shape(name: name, columns: columns.map(\.name), keyColumns: keyColumns)
    }
  }

  /// A table whose rows no longer match their sums, and how many.
  struct Mismatch: Equatable, Sendable {
    var table: String
    var rows: Int
  }

  /// The tables with rows changed, added or removed outside rolefit; empty when all is well,
  /// or when the file predates the sums (a migration will add them).
  static func verify(_ db: Database) throws -> [Mismatch] {
    guard try db.tableExists(table) else { return [] }
    var found: [Mismatch] = []
    for shape in try shapes(db) {
      let name = shape.name.quotedDatabaseIdentifier
      let rowSum =
        "\(function.name)(\(shape.columns.map { "t.\($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")))"
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT count(*) AS rows, total(c.sum IS NULL) AS unsummed,
            total(c.sum IS NOT NULL AND c.sum <> \(rowSum)) AS changed
          FROM \(name) AS t LEFT JOIN \(table) AS c
            ON c.tableName = '\(shape.name)' AND c.rowKey = \(shape.key("t"))
          """)
      let rows: Int = counts?["rows"] ?? 0
      let unsummed = Int(counts?["unsummed"] ?? 0.0)
      let changed = Int(counts?["changed"] ?? 0.0)
      let sums = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE tableName = '\(shape.name)'") ?? 0
      // A sum with no row left: a row removed, or its key changed (then it is also unsummed).
      let orphans = max(0, sums - (rows - unsummed))
      let damaged = changed + max(unsummed, orphans)
      if damaged > 0 { found.append(Mismatch(table: shape.name, rows: damaged)) }
    }
    return found
  }
}

/// A 64-bit FNV-1a style hash of a row's values, each with its storage class.
///
/// The class tells `1`, `'1'` and `X'31'` apart. Text and blobs are taken eight bytes at a time: every step is a
/// bijection of the state, so any one changed byte always changes the sum.
private struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  mutating func add(word: UInt64) {
    value = (value ^ word) &* Self.prime
  }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    add(word: UInt64(bytes.count))
    var offset = 0
    while offset + 8 <= bytes.count {
      add(word: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    var tail: UInt64 = 0
    for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
    add(word: tail)
  }

  mutating func add(_ value: DatabaseValue) {
    switch value.storage {
    case .null:
      add(word: 0)
    case .int64(let number):
      add(word: 1)
      add(word: UInt64(bitPattern: number))
    case .double(let number):
      add(word: 2)
      add(word: number.bitPattern)
    case .string(var text):
      add(word: 3)
      text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    case .blob(let data):
      add(word: 4)
      data.withUnsafeBytes { add($0) }
    }
  }
}
