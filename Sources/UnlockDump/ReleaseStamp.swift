/// The time a released Ghost lock is stamped with (`--stamp-release`), as knex-migrator's own
/// unlock does. The caller gives it in UTC, because a dump restored elsewhere must not carry the
/// local offset of the machine that patched it.
public struct ReleaseStamp: Sendable, Equatable {
    /// `YYYY-MM-DD HH:MM:SS`, in UTC.
    public var utc: String

    public init(utc: String) {
        self.utc = utc
    }

    /// The literal for a column: a zone-less one for MySQL DATETIME, sqlite and postgres
    /// `timestamp`; explicit UTC for a postgres `timestamp with time zone`, which would
    /// otherwise read a zone-less literal in the restoring session's zone.
    func literal(zoned: Bool) -> [UInt8] {
        [0x27] + Array(utc.utf8) + (zoned ? Array("+00".utf8) : []) + [0x27]
    }
}
