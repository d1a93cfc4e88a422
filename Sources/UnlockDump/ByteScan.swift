#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches for the lexer's skips. A single byte is looked for in the next 32 bytes in place,
/// then with the C library's vectorised memchr; a choice of two (a quote or a backslash, in a
/// text being kept) with a word-at-a-time search, 8 bytes a step; newlines are counted 64 bytes a
/// step. The lexer's other searches are `ByteSet` and `StringBlockSkip`.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Marks the zero bytes of `word` in their high bits. Bytes above a true zero may be marked
    /// falsely, so only the lowest mark is exact: use it to find the first match, never to count.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// The first index in `start..<end` holding `a` or `b`, or `end`.
    @inline(__always)
    static func firstIndex(of a: UInt8, or b: UInt8, in p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let maskA = ones &* UInt64(a)
        let maskB = ones &* UInt64(b)
        var i = start
        let raw = UnsafeRawPointer(p)
        while i &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let hits = zeroBytes(word ^ maskA) | zeroBytes(word ^ maskB)
            if hits != 0 { return i &+ (hits.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        while i < end {
            let byte = p[i]
            if byte == a || byte == b { return i }
            i &+= 1
        }
        return end
    }

    /// The first index in `start..<end` holding `a`, or `end`. The next 32 bytes are looked at in
    /// place, the rest with glibc's vectorised memchr: most searches (a short string's closing
    /// quote, a COPY line's end) end that soon, where the call would cost more than the search.
    @inline(__always)
    static func firstIndex(of a: UInt8, in p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var from = start
        if start &+ 32 <= end {
            let needle = SIMD16<UInt8>(repeating: a)
            for half in 0..<2 {
                let at = start &+ 16 &* half
                let v = UnsafeRawPointer(p).loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
                if let lane = SIMD16(matches: v .== needle).firstSetLane { return at &+ lane }
            }
            from &+= 32
        }
        guard from < end, let found = memchr(p + from, Int32(a), end - from) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(p)
    }

    /// How many bytes in `start..<end` equal `byte`, 16 bytes a step: the compare masks (0xFF is
    /// -1) are subtracted into byte counters that are summed before they can overflow. The cost
    /// per byte is the same for 40-byte lines and for lines of megabytes, where one memchr per
    /// newline would cost per line.
    static func count(of byte: UInt8, in p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let needle = SIMD16<UInt8>(repeating: byte)
        let raw = UnsafeRawPointer(p)
        var total = 0
        var i = start
        func matches(_ at: Int) -> SIMD16<UInt8> {
            SIMD16(matches: raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self) .== needle)
        }
        while i &+ 16 <= end {
            var counters = SIMD16<UInt8>()
            let stop = min(end, i &+ 255 &* 16)
            while i &+ 64 <= stop {  // four at a time: the loop's own cost shared
                counters &-= matches(i) &+ matches(i &+ 16) &+ matches(i &+ 32) &+ matches(i &+ 48)
                i &+= 64
            }
            while i &+ 16 <= stop {
                counters &-= matches(i)
                i &+= 16
            }
            total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
        }
        while i < end {
            if p[i] == byte { total &+= 1 }
            i &+= 1
        }
        return total
    }

    /// Whether the `count` bytes at `a` and at `b` are the same (the C library's memcmp).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        memcmp(a, b, count) == 0
    }

    /// The last index in `start..<end` holding `byte`, or `nil`.
    static func lastIndex(of byte: UInt8, in p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = end
        while i > start {
            i &-= 1
            if p[i] == byte { return i }
        }
        return nil
    }
}
