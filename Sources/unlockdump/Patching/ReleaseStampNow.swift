import UnlockDump

extension ReleaseStamp {
    /// `--stamp-release`: the current time, in UTC.
    static func now() -> ReleaseStamp {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = [CChar](repeating: 0, count: 32)
        let count = strftime(&text, text.count, "%Y-%m-%d %H:%M:%S", &parts)
        return ReleaseStamp(utc: String(decoding: text[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
