
/// Seconds on a clock that never jumps, for the progress rate and the report's duration: a wall
/// clock set back by NTP would make both nonsense.
enum MonotonicClock {
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
