import Foundation
import Logging
import OpsDeckCache
import OpsDeckDemo
import OpsDeckUI

/// Carries out `r` / `:refresh`. Results reach the UI through the cache, never directly.
///
/// The demo regenerates its organization as of now; live AWS providers plug in here.
struct ConsoleRefresher: Sendable {
    var cache: CacheDatabase
    /// Set in demo mode.
    var demoSize: DemoSize?
    var logger: Logger

    func refresh(_ pane: PaneID, mailbox: ActionMailbox) {
        guard let demoSize else {
            mailbox.post(
                .message(
                    "\(pane.title): no live providers in this build; the panes show the cache as last written",
                    isError: true))
            return
        }
        let cache = self.cache
        let logger = self.logger
        Task.detached {
            do {
                try DemoCache.write(DemoOrganization.generate(size: demoSize, now: Date()), into: cache)
                mailbox.post(.message("\(pane.title) refreshed (demo data regenerated)", isError: false))
            } catch {
                logger.error("demo refresh failed: \(error)")
                mailbox.post(.message("Refresh failed: \(error)", isError: true))
            }
        }
    }
}
