/// Crosses a statement nobody reads 16 bytes a step, single-quoted strings included, with no
/// branch per string: the rows of other tables (`(1,'name 1',1),(2,...`) put a string every
/// few bytes, and stopping at each quote costs more than the bytes between.
///
/// Per step, bitmasks mark the quotes and the lexer's other stops; a running XOR of the quote
/// mask (bit i: the parity of the quotes up to byte i) marks the bytes inside strings, carried
/// from step to step. A doubled quote (`''`) closes and reopens, which skips the same bytes.
/// The crossing ends at the first stop outside the strings, or at the first backslash where
/// backslashes escape (the parity rule no longer holds past it), and inside a string that
/// fills a whole step (a long one, which memchr crosses faster); the lexer reads on from there
/// the ordinary way. Used for mysql and sqlite only: in postgres a quote after a word
/// may open an escape string (`E'...'`), which the masks cannot see.
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

    /// Where the crossing ended: `index` is where reading goes on, `openQuote`
    /// the offset of the quote that opened the string `index` lies in, or `nil` outside strings.
    struct Result {
        var index: Int
        var openQuote: Int?
    }

    @inline(__always)
    func skip(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, escapes: Bool) -> Result {
        let raw = UnsafeRawPointer(p)
        // Copies in registers: stores through `p` could otherwise alias them, and every step would
        // load them again.
        let (s0, s1, s2, s3, s4, s5, quote, backslash) = (self.s0, self.s1, self.s2, self.s3, self.s4, self.s5, self.quote, self.backslash)
        var i = start
        var inside: UInt64 = 0  // 0xFFFF while a string is open at the step's start
        var closedAtEnd: UInt64 = 0  // 1 when the last step ended with a closing quote
        var lastOpening = 0
        // A byte is always left after the steps, so a closing quote at a step's end is never
        // the chunk's last byte: whether it doubles is seen here or by the state switch.
        while i &+ 16 < end {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let quotes = Self.bits(Self.lanes(v .== quote))
            let o = Self.lanes(v .== s0) | Self.lanes(v .== s1) | Self.lanes(v .== s2) | Self.lanes(v .== s3)
                | Self.lanes(v .== s4) | Self.lanes(v .== s5)
            var stop = Self.hasLane(o) ? Self.bits(o) : 0
            if escapes {
                let b = Self.lanes(v .== backslash)
                if Self.hasLane(b) { stop |= Self.bits(b) << 16 }  // kept apart: a backslash stops inside strings too
            }
            guard quotes | stop != 0 else {
                // Nothing but plain bytes: inside a string, it is a long one, which memchr crosses faster.
                if inside != 0 { return Result(index: i, openQuote: lastOpening) }
                closedAtEnd = 0
                i &+= 16
                continue
            }
            let strings = Self.prefixXor(quotes) ^ inside
            let closing = quotes & ~strings
            let opening = quotes & strings & ~(closing << 1 | closedAtEnd)  // not the second of a `''`
            let stopsHere = stop & 0xFFFF & ~strings | stop >> 16
            if stopsHere != 0 {
                // Everything before the first stop outside a string, or the first backslash, is crossed.
                let at = stopsHere.trailingZeroBitCount
                let before = opening & ((1 << UInt64(at)) &- 1)
                if before != 0 { lastOpening = i &+ 63 &- before.leadingZeroBitCount }
                let insideAt = (strings >> UInt64(at)) & 1 == 1
                return Result(index: i &+ at, openQuote: insideAt ? lastOpening : nil)
            }
            if opening != 0 { lastOpening = i &+ 63 &- opening.leadingZeroBitCount }
            closedAtEnd = closing >> 15
            inside = strings >> 15 == 1 ? 0xFFFF : 0
            i &+= 16
        }
        if inside != 0 { return Result(index: i, openQuote: lastOpening) }
        if closedAtEnd != 0, p[i] == 0x27 { return Result(index: i &+ 1, openQuote: lastOpening) }  // `''` across steps
        return Result(index: i, openQuote: nil)
    }

    /// A compare's lanes as bytes, OR-ed as integers: OR-ing the masks themselves makes the
    /// compiler renormalise them to booleans first.
    @inline(__always)
    private static func lanes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }

    @inline(__always)
    private static func hasLane(_ v: SIMD16<UInt8>) -> Bool {
        let lanes = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        return lanes[0] | lanes[1] != 0
    }

    /// The 16 lanes (0xFF or 0) as 16 bits: each 8-byte half's high bits gathered by one multiply.
    @inline(__always)
    private static func bits(_ v: SIMD16<UInt8>) -> UInt64 {
        let lanes = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081, highs: UInt64 = 0x8080_8080_8080_8080
        return ((lanes[0] & highs) &* gather) >> 56 | (((lanes[1] & highs) &* gather) >> 56) << 8
    }

    /// Bit i (of 16): the XOR of bits 0 through i.
    @inline(__always)
    private static func prefixXor(_ x: UInt64) -> UInt64 {
        var y = x
        y ^= y << 1
        y ^= y << 2
        y ^= y << 4
        y ^= y << 8
        return y & 0xFFFF
    }
}
