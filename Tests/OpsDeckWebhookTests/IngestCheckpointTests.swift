import Foundation
import OpsDeckCache
import OpsDeckCore
import PagerDuty
import Testing

/// Ingest commits leave the WAL checkpoint to the caller (a checkpoint inside the commit
/// would hold every delivery of the batch), and the checkpoints it calls copy everything.
@Suite struct IngestCheckpointTests {
    /// SQLite's `wal_autocheckpoint` default: with it on, no commit leaves more frames than
    /// this plus its own in the WAL.
    static let autoCheckpointPages = 1000

    @Test func ingestCommitsDoNotCheckpointAndTheCheckpointsCopyEverything() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (cache, _) = try CacheDatabase.open(at: directory.path + "/cache.sqlite")
        var index = 0
        for _ in 0..<100 {
            let batch = try (0..<40).map { _ in
                index += 1
                return try CacheIngestTests.delivery(
                    Deliveries.incident(eventId: "ck-\(index)", incidentId: "PCK\(index % 997)"),
                    webhookId: "wh-ck-\(index)")
            }
            _ = try cache.ingest(batch)
        }
        let side = try #require(try cache.makeCheckpointer())
        let sideResult = try side.checkpoint()
        #expect(sideResult.walFrames > Self.autoCheckpointPages + 300, "\(sideResult)")
        #expect(sideResult.checkpointed == sideResult.walFrames)

        // The writer's own checkpoint finds nothing left to copy; the next commit starts the
        // WAL over, and an ordinary write afterwards checkpoints as usual again.
        let writerResult = try cache.checkpointAfterIngest()
        #expect(writerResult.checkpointed == writerResult.walFrames)
        _ = try cache.ingest([
            try CacheIngestTests.delivery(Deliveries.incident(eventId: "ck-last"), webhookId: "wh-ck-last")
        ])
        let restarted = try side.checkpoint()
        #expect(restarted.walFrames < 100, "\(restarted)")
        #expect(try cache.webhookCounts().events == index + 1)
    }

    @Test func anInMemoryCacheHasNothingToCheckpoint() throws {
        let cache = try CacheDatabase.inMemory()
        #expect(try cache.makeCheckpointer() == nil)
        #expect(try cache.checkpointAfterIngest() == (0, 0))
    }
}
