import Foundation
import OpsDeckCore

/// The account and region one fetch of one source covered: every data row carries it, and
/// a refresh replaces exactly the rows of its scope.
struct RefreshScope: Sendable, Hashable {
    var source: Source
    var accountId: String
    var region: String
    var fetchedAt: Date

    var label: String { "\(source.rawValue) \(accountId)/\(region)" }
}
