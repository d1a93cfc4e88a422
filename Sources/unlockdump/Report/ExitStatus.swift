/// The exit statuses are part of the contract: scripts branch on them, so each failure class keeps
/// its number forever.
enum ExitStatus: Int32 {
    case success = 0
    /// Only `--check` uses it, so a script can tell "a lock is held" from "the run failed".
    case lockHeld = 1
    case usage = 2
    case malformedDump = 3
    case ioError = 4
    /// The reader of stdout went away (`unlockdump dump.sql | head`). Usually SIGPIPE ends the
    /// process first; when a parent left SIGPIPE ignored, the write fails with EPIPE instead, and
    /// the run ends just as quietly, with the status a shell reports for SIGPIPE.
    case readerGone = 141
}
