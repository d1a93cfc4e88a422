import Glibc

/// `--stamp-release`: the time knex-migrator's own unlock writes into Ghost's `released_at`, as
/// a SQL literal both MySQL DATETIME and sqlite accept. UTC, because a dump restored elsewhere
/// must not carry the local offset of the machine that patched it.
enum ReleaseStamp {
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = [CChar](repeating: 0, count: 32)
        let count = strftime(&text, text.count, "'%Y-%m-%d %H:%M:%S'", &parts)
        return String(decoding: text[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
