/// Splits a buffered COPY data line of a lock table into its TAB-separated fields, as value spans
/// the release rules read like the values of an INSERT row.
///
/// A TAB inside a value is always written `\t`, so every raw TAB separates fields. The line's LF,
/// and the CR of a CRLF line end, belong to no field.
enum CopyLineFields {
    static func split(_ line: UnsafeRawBufferPointer, into fields: inout [ValueSpan]) {
        fields.removeAll(keepingCapacity: true)
        var end = line.count
        if end > 0, line[end - 1] == 0x0A { end -= 1 }
        if end > 0, line[end - 1] == 0x0D { end -= 1 }
        var start = 0
        var i = 0
        while i <= end {
            if i == end || line[i] == 0x09 {
                var field = ValueSpan()
                field.start = start
                field.end = i
                field.firstEnd = i
                field.lastStart = start
                field.firstKind = .string
                field.lastKind = .string
                field.tokenCount = 1
                fields.append(field)
                start = i + 1
            }
            i += 1
        }
    }
}
