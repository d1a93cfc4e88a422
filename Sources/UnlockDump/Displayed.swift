/// Literals as the report shows them.
enum Displayed {
    private static let backslash: UInt8 = 0x5C

    /// A literal as a person can read it in a report: control bytes as `\xNN`, cut at 60 bytes.
    static func literal(_ bytes: some Collection<UInt8>) -> String {
        let limit = 60
        var shown: [UInt8] = []
        for b in bytes.prefix(limit) {
            if b < 0x20 || b == 0x7F {
                let hex = Array("0123456789abcdef".utf8)
                shown += [backslash, 0x78, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            } else {
                shown.append(b)
            }
        }
        if bytes.count > limit { shown += Array("...".utf8) }
        return String(decoding: shown, as: UTF8.self)
    }
}
