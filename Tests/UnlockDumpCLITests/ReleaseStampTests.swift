import Foundation
import Testing
import UnlockDump
@testable import unlockdump

/// The time `--stamp-release` hands the engine: now, in UTC.
@Suite struct ReleaseStampTests {
    @Test func stampIsNowInUTC() throws {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let stamp = ReleaseStamp.now()
        #expect(stamp.utc.utf8.count == 19)
        let date = try #require(formatter.date(from: stamp.utc), "stamp is \(stamp.utc)")
        #expect(abs(date.timeIntervalSinceNow) < 5)
    }
}
