import Foundation
import Testing
@testable import unlockdump

/// The literal `--stamp-release` hands the engine: the current time in UTC, quoted for SQL.
@Suite struct ReleaseStampTests {
    @Test func stampIsNowInUTCAsASQLLiteral() throws {
        let formatter = DateFormatter()
        formatter.dateFormat = "''yyyy-MM-dd HH:mm:ss''"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let stamp = ReleaseStamp.now()
        #expect(stamp.utf8.count == 21)
        let date = try #require(formatter.date(from: stamp), "stamp is \(stamp)")
        #expect(abs(date.timeIntervalSinceNow) < 5)
    }
}
