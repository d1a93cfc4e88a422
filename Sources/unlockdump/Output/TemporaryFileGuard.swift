
/// Ctrl-C, `kill` or a closed terminal must not leave a half-written temporary file behind. The
/// handler may only make async-signal-safe calls and touch memory that is ready before it runs,
/// so each path lives in a C buffer allocated once (mkstemp fills in its name in place), and a
/// flag says whether that name is a live file. Arming and disarming happen with the signals
/// blocked, so no signal can fall between creating the file and arming, or between renaming it
/// and disarming. Two slots: the dump's temporary file and the report's, which is written before
/// the dump is renamed into place.
enum TemporaryFileGuard {
    enum Slot {
        case dump, report
    }

    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Creates a file from `template` (ending in XXXXXX) and guards it until `disarm`.
    static func create(template: String, shownAs name: String, slot: Slot = .dump) throws -> (descriptor: NamedDescriptor, path: String) {
        let bytes = Array(template.utf8CString)
        guard bytes.count <= Int(PATH_MAX) else { throw FileError(name: name, code: ENAMETOOLONG) }
        return try withSignalsBlocked {
            let path = slot == .dump ? dumpTemporaryPath : reportTemporaryPath
            path.update(from: bytes, count: bytes.count)
            let raw = mkstemp(path)
            guard raw >= 0 else { throw FileError(name: name, code: errno) }
            if temporaryPathIsLive.0 == 0, temporaryPathIsLive.1 == 0 { installHandlers() }
            setLive(slot, 1)
            return (NamedDescriptor(raw: raw, name: name), String(cString: path))
        }
    }

    /// Runs `settle`, which renames or unlinks the file (also when it throws), and stops guarding
    /// it, as one step no signal can split.
    static func disarm(_ slot: Slot = .dump, after settle: () throws -> Void) rethrows {
        try withSignalsBlocked {
            defer {
                setLive(slot, 0)
                if temporaryPathIsLive.0 == 0, temporaryPathIsLive.1 == 0 { restoreHandlers() }
            }
            try settle()
        }
    }

    private static func setLive(_ slot: Slot, _ value: sig_atomic_t) {
        if slot == .dump { temporaryPathIsLive.0 = value } else { temporaryPathIsLive.1 = value }
    }

    private static func installHandlers() {
        var action = sigaction()
        action.plainHandler = removeTemporaryFileAndExit
        sigfillset(&action.sa_mask)
        previousActions = signals.map { signal in
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            // A signal the caller chose to ignore (nohup, a background job) stays ignored.
            if !previous.isIgnore { sigaction(signal, &action, nil) }
            return previous
        }
    }

    private static func restoreHandlers() {
        for (signal, var previous) in zip(signals, previousActions) {
            sigaction(signal, &previous, nil)
        }
    }

    /// Afterwards the signals are left unblocked, not as they were: a parent with threads (a
    /// test runner, a job scheduler) can hand down a mask that blocks them, and then no handler
    /// would ever run.
    private static func withSignalsBlocked<Result>(_ body: () throws -> Result) rethrows -> Result {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in signals { sigaddset(&mask, signal) }
        sigprocmask(SIG_BLOCK, &mask, nil)
        defer { sigprocmask(SIG_UNBLOCK, &mask, nil) }
        return try body()
    }

    nonisolated(unsafe) private static var previousActions: [sigaction] = []
}

nonisolated(unsafe) private let dumpTemporaryPath = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX))
nonisolated(unsafe) private let reportTemporaryPath = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX))
nonisolated(unsafe) private var temporaryPathIsLive: (sig_atomic_t, sig_atomic_t) = (0, 0)

private func removeTemporaryFileAndExit(_ signal: Int32) {
    if temporaryPathIsLive.0 != 0 { unlink(dumpTemporaryPath) }
    if temporaryPathIsLive.1 != 0 { unlink(reportTemporaryPath) }
    _exit(128 + signal)
}

private extension sigaction {
    /// SIG_IGN is a cast macro Swift cannot import; its value is 1.
    var isIgnore: Bool {
        unsafeBitCast(plainHandler, to: Int.self) == 1
    }
}
