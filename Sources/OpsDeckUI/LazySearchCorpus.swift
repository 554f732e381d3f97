import OpsDeckCore
import Synchronization

/// A pane's search corpus, folded from its rows the first time it is asked for and kept
/// from then on. Shared by the copies of a `PaneContent`, so it is built once per snapshot.
final class LazySearchCorpus: Sendable {
    private let rows: [PaneRow]
    private let built = Mutex<SearchCorpus?>(nil)

    init(rows: [PaneRow]) { self.rows = rows }

    var corpus: SearchCorpus {
        built.withLock { built in
            if let built { return built }
            var search = SearchCorpus()
            for row in rows {
                for cell in row.cells {
                    if let text = cell.searchText { search.add(text) }
                }
                search.endRow()
            }
            built = search
            return search
        }
    }
}
