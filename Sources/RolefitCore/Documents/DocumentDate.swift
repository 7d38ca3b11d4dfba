import Foundation

/// The day a document is made, as `YYYY-MM-DD` in UTC, and dates counted in months from it.
public enum DocumentDate {
  /// Today in UTC.
  public static func today(_ now: Date = Date()) -> CalendarDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }

  /// The month `months` after `date`, named in words: `March 2028`.
  public static func month(_ months: Int, after date: CalendarDate) -> String {
    let total = date.year * 12 + (date.month - 1) + max(0, months)
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ]
    return "\(names[total % 12]) \(total / 12)"
  }
}
