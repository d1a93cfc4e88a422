import Testing
@testable import unlockdump

/// The JSON string escaping on its own: the engine escapes control bytes in the literals it
/// reports, so through the binary no raw control byte reaches the JSON writer today; this makes
/// sure one that does (a warning, a table name) still yields valid JSON.
@Suite struct JSONQuotingTests {
    @Test func controlBytesQuotesAndBackslashes() {
        #expect(JSONReport.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONReport.quoted("\n\r\t") == #""\n\r\t""#)
        #expect(JSONReport.quoted("\u{0}\u{1}\u{1F}\u{7F}") == #""\u0000\u0001\u001F\u007F""#)
        #expect(JSONReport.quoted("é ☃ 🐘") == "\"é ☃ 🐘\"")
    }
}
