/// What the splicer must know of a gzip input, gathered while it is read once: where each member
/// lies, resume points (deflate block boundaries with their windows) and the edits. Memory stays
/// bounded: a member is forgotten once nothing can edit it any more, and the resume points kept
/// are only those that may still precede a coming edit. Anything past the bounds (too many
/// members in flight or edits, an edit across two members) makes the input not worth splicing,
/// and `plan` says so with `nil`; the caller recompresses.
public final class GzipSpliceIndex {
    /// Uncompressed bytes between resume points, at least: a splice inflates and deflates again
    /// up to this much before its first edit.
    let checkpointSpacing: Int
    private var members: [GzipMemberRecord] = []
    private var editCount = 0
    private var settled = 0
    private var totalIn = 0
    private var totalOut = 0
    public private(set) var isViable = true

    /// Bounds on what is kept. Beyond them splicing is given up, never memory.
    static let maxLiveMembers = 4096
    static let maxEdits = 1 << 16
    static let maxCheckpointsPerMember = 8

    public init(checkpointSpacing: Int = 1 << 17) {
        self.checkpointSpacing = checkpointSpacing
    }

    /// The plan, once the whole input was read and decoded without error; `nil` when splicing was
    /// given up.
    public var plan: GzipSplicePlan? {
        guard isViable, members.allSatisfy({ $0.end != nil }) else { return nil }
        return GzipSplicePlan(members: members.filter { !$0.edits.isEmpty }, inputSize: totalIn, uncompressedSize: totalOut)
    }

    /// Compressed bytes before this offset are copied as they are whatever edits come: they
    /// precede every resume point an edit could still use. The splicer may write them while the
    /// input is still read.
    public var finalOffset: Int {
        guard isViable else { return 0 }
        let firstPoints = members.map { member in
            (member.regions.first?.resume ?? member.checkpoints.first).map { $0.bitPosition >> 3 } ?? member.start
        }
        return firstPoints.min() ?? totalIn
    }

    // MARK: What the reader reports

    /// The edit the engine will make at `edit.offset` (of the whole uncompressed input), noted
    /// once the decoder has given out bytes past that offset (the engine has read them).
    public func note(_ edit: SpliceEdit) {
        guard isViable else { return }
        editCount += 1
        guard editCount <= Self.maxEdits, let index = members.firstIndex(where: { $0.contains(edit.offset, length: edit.length) }) else {
            return giveUp()
        }
        let start = members[index].uncompressedStart
        let clear = edit.end - start + DeflateCheckpoint.windowSize
        // The last resume point at or before the edit starts a region of its own if it lies far
        // enough past the region before; otherwise the edit joins that region.
        let best = members[index].checkpoints.last { start + $0.memberOffset <= edit.offset }
        if let best, members[index].regions.last.map({ best.memberOffset >= $0.clearOfEdits + checkpointSpacing }) ?? true {
            members[index].regions.append(SpliceRegion(resume: best, clearOfEdits: clear))
        } else if !members[index].regions.isEmpty {
            members[index].regions[members[index].regions.count - 1].clearOfEdits = clear
        } else {
            return giveUp()  // noted before the decoder reached its member's data: nowhere to resume
        }
        members[index].checkpoints.removeAll { start + $0.memberOffset <= edit.end }
        members[index].edits.append(edit)
    }

    /// No edit will come before `offset`: resume points it made useless and members wholly before
    /// it without edits are dropped.
    public func settle(upTo offset: Int) {
        guard isViable, offset > settled else { return }
        settled = offset
        // A member ending at `offset` may still take an insertion there.
        members.removeAll { $0.edits.isEmpty && $0.end != nil && $0.uncompressedStart + $0.length < offset }
        for index in members.indices {
            let start = members[index].uncompressedStart
            // A later point at or before `offset` serves any coming edit better.
            let useless = members[index].checkpoints.dropFirst().prefix { start + $0.memberOffset <= offset }.count
            members[index].checkpoints.removeFirst(useless)
        }
    }

    // MARK: What the decoder reports

    func beginMember(at compressedOffset: Int) {
        guard isViable else { return }
        guard members.count < Self.maxLiveMembers else { return giveUp() }
        members.append(GzipMemberRecord(start: compressedOffset, uncompressedStart: totalOut))
    }

    /// Whether a block boundary at `memberOffset` of the current member should be kept.
    func wantsCheckpoint(at memberOffset: Int) -> Bool {
        guard isViable, let member = members.last, member.end == nil else { return false }
        return memberOffset == 0 || memberOffset - member.lastCheckpointOffset >= checkpointSpacing
    }

    func add(_ checkpoint: DeflateCheckpoint) {
        guard isViable else { return }
        let last = members.count - 1
        members[last].checkpoints.append(checkpoint)
        members[last].lastCheckpointOffset = checkpoint.memberOffset
        if members[last].checkpoints.count > Self.maxCheckpointsPerMember {
            // Lagging edits keep many points alive: keep every other one (the first and the newest
            // among them), which only moves a resume point further back.
            let kept = members[last].checkpoints.enumerated().filter { $0.offset % 2 == 0 || $0.offset == members[last].checkpoints.count - 1 }
            members[last].checkpoints = kept.map(\.element)
        }
    }

    func endMember(at compressedEnd: Int, length: Int, crc: UInt32) {
        totalIn = compressedEnd
        totalOut += length
        guard isViable else { return }
        let last = members.count - 1
        members[last].end = compressedEnd
        members[last].length = length
        members[last].crc = crc
    }

    private func giveUp() {
        isViable = false
        members = []
    }
}
