/// One line on stderr while a large dump streams: bytes, percent, a bar, rate and ETA. It is
/// redrawn in place with `\r` at most 10 times a second (a redraw per 1 MiB read would flood a
/// slow terminal) and erased at the end, so the report that follows starts on a clean line.
final class ProgressMeter {
    /// The input's size, when it is a regular file; a pipe shows bytes and rate only.
    private let total: Int?
    private let started = MonotonicClock.seconds()
    private var lastDraw = -Double.infinity
    private var done = 0
    /// Width of the line on screen, to blank it when a shorter one replaces it or at the end.
    private var drawnWidth = 0

    init(total: Int?) {
        self.total = total
    }

    /// The first call draws at once, so even a short run shows what it is doing.
    func advance(by count: Int) {
        done += count
        let now = MonotonicClock.seconds()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        draw(line(elapsed: now - started))
    }

    /// Blanks the line; safe to call more than once.
    func erase() {
        guard drawnWidth > 0 else { return }
        StandardError.writeRaw("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }

    private func draw(_ line: String) {
        let padding = String(repeating: " ", count: max(0, drawnWidth - line.count))
        StandardError.writeRaw("\r" + line + padding)
        drawnWidth = line.count
    }

    private func line(elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let speed = "\(ByteCountFormat.string(Int(rate)))/s"
        guard let total, total > 0 else { return "unlockdump: \(ByteCountFormat.string(done))  \(speed)" }
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int(fraction * 20)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
        let eta = rate > 0 ? "  ETA \(Self.clock(Double(max(0, total - done)) / rate))" : ""
        return "unlockdump: \(bar) \(Int(fraction * 100))%  \(ByteCountFormat.string(done)) / \(ByteCountFormat.string(total))  \(speed)\(eta)"
    }

    /// `m:ss`, or `h:mm:ss` past an hour.
    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
