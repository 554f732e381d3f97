import Foundation
import Logging
import OpsDeckCache
import OpsDeckCore
import OpsDeckUI

/// The body of `opsdeck export`: a pane's rows from the cache as JSON, CSV or a table.
public enum ExportRunner {
    public enum Failure: Error, CustomStringConvertible {
        case unknownPane(String)
        case emptyCache(String)

        public var description: String {
            switch self {
            case .unknownPane(let name):
                "unknown pane \"\(name)\"; use one of: \(PaneID.allCases.map(\.commandName).joined(separator: ", "))"
            case .emptyCache(let path):
                "the cache \(path) holds no data yet; run OpsDeck against AWS first, or add --demo"
            }
        }
    }

    public static func run(
        pane name: String, format: ExportFormat, baseline: Bool, byService: Bool, options: ConsoleOptions
    ) throws -> String {
        guard let pane = PaneID(commandName: name) else { throw Failure.unknownPane(name) }
        AppLogging.bootstrap(environment: options.environment)
        let paths = CachePaths(environment: options.environment)
        let path = options.cachePath ?? (options.demo ? paths.demoFile : paths.cacheFile)
        if !options.demo && !FileManager.default.fileExists(atPath: path) { throw Failure.emptyCache(path) }
        let (cache, recovered) = try CacheDatabase.open(at: path)
        if let recovered { FileHandle.standardError.write(Data("opsdeck: \(recovered)\n".utf8)) }
        let now = Date()
        if options.demo {
            try DemoCache.ensure(
                in: cache, size: options.demoSize, now: now, logger: Logger(label: "opsdeck.export"))
        }
        let snapshot = try cache.snapshot(now: now)
        if snapshot.statuses.isEmpty && snapshot.accounts.isEmpty { throw Failure.emptyCache(path) }
        return PaneExporter.export(
            pane, snapshot: snapshot, format: format, now: now, rolesView: baseline ? .baseline : .list,
            costView: byService ? .byService : .byAccount)
    }
}
