internal import GRDB

/// Fetching with SQL literals, whose interpolations become statement arguments.
extension Database {
  /// Every row a query returns.
  func fetchRows(_ sql: SQL) throws -> [Row] {
    try SQLRequest<Row>(literal: sql).fetchAll(self)
  }

  /// The first row a query returns, if any.
  func fetchRow(_ sql: SQL) throws -> Row? {
    try SQLRequest<Row>(literal: sql).fetchOne(self)
  }

  /// The first column of the first row a query returns, if any and not NULL.
  func fetchValue<Value: DatabaseValueConvertible>(_ type: Value.Type, _ sql: SQL) throws -> Value? {
    try SQLRequest<Value>(literal: sql).fetchOne(self)
  }
}
