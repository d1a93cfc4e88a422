/// Up to eight byte values, searched for sixteen input bytes a step.
///
/// The lexer's skips stop at a handful of bytes (quotes, the delimiter, the first bytes of
/// comments), and the shapes that dominate real dumps put one every few bytes (`(1,'a',2),`)
/// or none for kilobytes (long texts). One SIMD16 compare per value, OR-ed, and read back as two
/// 64-bit lanes costs about 22 instructions per 16 bytes whatever the distance; checked with
/// `swiftc -O -emit-assembly`: pcmpeqb/por/movq, no per-lane code. (`any(_:)` on the mask is
/// the trap to avoid: it is not reduced to a vector test.)
struct ByteSet {
    private let a, b, c, d, e, f, g, h: SIMD16<UInt8>

    /// `bytes`: one to eight values; repeats cost nothing but a compare.
    init(_ bytes: [UInt8]) {
        precondition(!bytes.isEmpty && bytes.count <= 8, "a ByteSet holds one to eight bytes")
        let all = (0..<8).map { SIMD16<UInt8>(repeating: bytes[min($0, bytes.count - 1)]) }
        (a, b, c, d, e, f, g, h) = (all[0], all[1], all[2], all[3], all[4], all[5], all[6], all[7])
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte == a[0] || byte == b[0] || byte == c[0] || byte == d[0] || byte == e[0] || byte == f[0] || byte == g[0]
            || byte == h[0]
    }

    /// The first index in `start..<end` holding one of the bytes, or `end`.
    @inline(__always)
    func firstIndex(in p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        var i = start
        while i &+ 16 <= end {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let mask = SIMD16(matches: v .== a) | SIMD16(matches: v .== b) | SIMD16(matches: v .== c)
                | SIMD16(matches: v .== d) | SIMD16(matches: v .== e) | SIMD16(matches: v .== f)
                | SIMD16(matches: v .== g) | SIMD16(matches: v .== h)
            if let lane = mask.firstSetLane { return i &+ lane }
            i &+= 16
        }
        while i < end {
            if contains(p[i]) { return i }
            i &+= 1
        }
        return end
    }
}

/// A compare's result as bytes, 0xFF in each lane that matched: the form the searches combine
/// (OR-ing the masks themselves makes the compiler renormalise them to booleans first) and read
/// back as two 64-bit lanes.
extension SIMD16 where Scalar == UInt8 {
    @inline(__always)
    init(matches mask: SIMDMask<SIMD16<Int8>>) {
        self = unsafeBitCast(mask, to: Self.self)
    }

    @inline(__always)
    var hasSetLane: Bool {
        let halves = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The index of the first lane set, or `nil`.
    @inline(__always)
    var firstSetLane: Int? {
        let halves = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return halves[0].trailingZeroBitCount &>> 3 }
        if halves[1] != 0 { return 8 &+ (halves[1].trailingZeroBitCount &>> 3) }
        return nil
    }
}
