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
            // OR-ed as integers: OR-ing the masks makes the compiler renormalise them first.
            let mask = Self.bytes(v .== a) | Self.bytes(v .== b) | Self.bytes(v .== c) | Self.bytes(v .== d)
                | Self.bytes(v .== e) | Self.bytes(v .== f) | Self.bytes(v .== g) | Self.bytes(v .== h)
            let lanes = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            if lanes[0] != 0 { return i &+ (lanes[0].trailingZeroBitCount &>> 3) }
            if lanes[1] != 0 { return i &+ 8 &+ (lanes[1].trailingZeroBitCount &>> 3) }
            i &+= 16
        }
        while i < end {
            if contains(p[i]) { return i }
            i &+= 1
        }
        return end
    }

    @inline(__always)
    private static func bytes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }
}
