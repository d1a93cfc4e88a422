/// Crosses a statement nobody reads 32 bytes a step, single-quoted strings included, with no
/// branch per string: the rows of other tables (`(1,'name 1',1),(2,...`) put a string every
/// few bytes, and stopping at each quote costs more than the bytes between.
///
/// Per step, bitmasks mark the quotes and the lexer's other stops; a running XOR of the quote
/// mask (bit i: the parity of the quotes up to byte i) marks the bytes inside strings, carried
/// from step to step. A doubled quote (`''`) closes and reopens, which skips the same bytes.
/// The crossing ends at the first stop outside the strings, or at the first backslash where
/// backslashes escape (the parity rule no longer holds past it), and inside a string that
/// fills a whole step (a long one, which memchr crosses faster); the lexer reads on from there
/// the ordinary way. Used for mysql and sqlite only: in postgres a quote after a word may open
/// an escape string (`E'...'`), which the masks cannot see.
struct StringBlockSkip {
    // The lexer's six stops other than `'` (the delimiter's first byte, `"`, `-`, `/`, a backtick,
    // and `#` in mysql or `[` in sqlite), the quote and the backslash, each in all 16 lanes.
    // Exactly six: with SSE2 every compare costs a copy too, so none is spent on a repeat.
    private let s0, s1, s2, s3, s4, s5: SIMD16<UInt8>
    private let quote = SIMD16<UInt8>(repeating: 0x27), backslash = SIMD16<UInt8>(repeating: 0x5C)

    init(stops: [UInt8]) {
        precondition(stops.count == 6, "the block skip knows mysql's and sqlite's six stops")
        let lanes = stops.map { SIMD16<UInt8>(repeating: $0) }
        (s0, s1, s2, s3, s4, s5) = (lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5])
    }

    /// Where the crossing ended: reading goes on at `index`, inside a string or not (its opening
    /// quote is `openingQuote(p, before: index, notBefore: start)`); `atStop`: outside strings,
    /// at a stop (or a backslash) rather than where the steps gave out.
    struct Result {
        var index: Int
        var insideString: Bool
        var atStop = false
    }

    /// Crosses from `start`, which lies outside any string, towards `end`.
    @inline(__always)
    func skip(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, escapes: Bool) -> Result {
        let raw = UnsafeRawPointer(p)
        var i = start
        var inside: UInt64 = 0  // all ones while a string is open at the step's start
        // A byte is always left after the steps, so a closing quote at a step's end is never
        // the chunk's last byte: whether it doubles is seen here or by the state switch.
        while i &+ 32 < end {
            let v0 = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let v1 = raw.loadUnaligned(fromByteOffset: i &+ 16, as: SIMD16<UInt8>.self)
            let q0 = SIMD16(matches: v0 .== quote), q1 = SIMD16(matches: v1 .== quote)
            let o = (stops(v0), stops(v1))
            let b = escapes ? (SIMD16(matches: v0 .== backslash), SIMD16(matches: v1 .== backslash)) : (.zero, .zero)
            guard (q0 | q1 | o.0 | o.1 | b.0 | b.1).hasSetLane else {
                // Plain bytes only: inside a string, it is a long one, which memchr crosses faster.
                if inside != 0 { return Result(index: i, insideString: true) }
                i &+= 32
                continue
            }
            let quotes = Self.bits(q0, q1)
            let strings = Self.prefixXor(quotes) ^ inside
            let others = (o.0 | o.1).hasSetLane ? Self.bits(o.0, o.1) : 0
            let backslashes = (b.0 | b.1).hasSetLane ? Self.bits(b.0, b.1) : 0
            let stop = others & ~strings | backslashes
            if stop != 0 {
                // Everything before the first stop outside a string, or the first backslash, is crossed.
                let at = stop.trailingZeroBitCount
                let inside = (strings >> UInt64(at)) & 1 == 1
                return Result(index: i &+ at, insideString: inside, atStop: !inside)
            }
            inside = strings >> 31 == 1 ? 0xFFFF_FFFF : 0
            i &+= 32
        }
        if inside == 0, i > start, p[i &- 1] == 0x27, p[i] == 0x27 {
            return Result(index: i &+ 1, insideString: true)  // `''` across the last step's end
        }
        return Result(index: i, insideString: inside != 0)
    }

    /// The quote that opened the string `index` lies in, found going back no further than
    /// `floor` (outside any string): the first quote of the nearest run of consecutive quotes of
    /// odd length. Inside a string quotes come in doubled pairs; the opening one has none.
    static func openingQuote(_ p: UnsafePointer<UInt8>, before index: Int, notBefore floor: Int) -> Int {
        var k = index
        while k > floor {
            while k > floor, p[k &- 1] != 0x27 { k &-= 1 }
            var run = 0
            while k > floor, p[k &- 1] == 0x27 {
                k &-= 1
                run &+= 1
            }
            if run & 1 == 1 { return k }
        }
        return floor
    }

    @inline(__always)
    private func stops(_ v: SIMD16<UInt8>) -> SIMD16<UInt8> {
        SIMD16(matches: v .== s0) | SIMD16(matches: v .== s1) | SIMD16(matches: v .== s2) | SIMD16(matches: v .== s3)
            | SIMD16(matches: v .== s4) | SIMD16(matches: v .== s5)
    }

    /// 32 lanes (0xFF or 0) as 32 bits: each 8-byte quarter's high bits gathered by one multiply.
    @inline(__always)
    private static func bits(_ low: SIMD16<UInt8>, _ high: SIMD16<UInt8>) -> UInt64 {
        let l = unsafeBitCast(low, to: SIMD2<UInt64>.self), h = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        return gather(l[0]) | gather(l[1]) << 8 | gather(h[0]) << 16 | gather(h[1]) << 24
    }

    @inline(__always)
    private static func gather(_ lanes: UInt64) -> UInt64 {
        ((lanes & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
    }

    /// Bit i (of 32): the XOR of bits 0 through i.
    @inline(__always)
    private static func prefixXor(_ x: UInt64) -> UInt64 {
        var y = x
        y ^= y << 1
        y ^= y << 2
        y ^= y << 4
        y ^= y << 8
        y ^= y << 16
        return y & 0xFFFF_FFFF
    }
}
