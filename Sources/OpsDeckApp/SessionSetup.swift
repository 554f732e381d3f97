import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckDemo
import OpsDeckUI

/// Everything the console needs before it takes the terminal: configuration with the
/// command line's overrides, the theme, the cache and its first snapshot. Any failure
/// here happens while the terminal is still the shell's, so it prints plainly.
struct SessionSetup {
    var configuration: OpsDeckConfiguration
    var theme: Theme
    var themeNames: [String]
    var userThemesDirectory: String?
    var noColor: Bool
    var ascii: Bool
    var readonly: Bool
    var profile: String
    var regions: [String]
    var refreshIntervals: [Source: TimeInterval]
    var cache: CacheDatabase
    var initialSnapshot: OrgSnapshot
    var refresher: ConsoleRefresher
    /// Problems to show in the status bar once the console is up.
    var notices: [String]

    static func prepare(_ options: ConsoleOptions, logger: Logger) throws -> SessionSetup {
        let env = options.environment
        let loaded = ConfigLoader.load(path: options.configPath, env: env)
        var configuration = loaded.configuration
        var notices: [String] = []
        if !loaded.problems.isEmpty {
            let errors = loaded.errors.count
            notices.append(
                "\(loaded.path ?? "config"): \(errors) error(s), \(loaded.warnings.count) warning(s); "
                    + "run `opsdeck config check` for the lines")
            for problem in loaded.problems { logger.warning("\(problem.description)") }
        }
        if let theme = options.theme { configuration.theme = theme }
        if let profile = options.profile { configuration.profile = profile }
        if !options.regions.isEmpty { configuration.regions = options.regions }

        let themesDirectory = ConfigPaths.userThemesDirectory(env: env)
        let (theme, themeError) = ThemeLoader.loadOrDefault(
            nameOrPath: configuration.theme, userThemesDirectory: themesDirectory)
        if let themeError { notices.append("\(themeError.description); using the default theme") }

        let cachePaths = CachePaths(environment: env)
        let cachePath = options.cachePath ?? (options.demo ? cachePaths.demoFile : cachePaths.cacheFile)
        let now = Date()
        let (cache, snapshot, recovered) = try openCache(
            at: cachePath, demoSize: options.demo ? options.demoSize : nil, now: now, logger: logger)
        if let recovered {
            notices.append(recovered)
            logger.warning("\(recovered)")
        }

        let intervals = LiveAWS.intervals(configuration)
        return SessionSetup(
            configuration: configuration, theme: theme,
            themeNames: Theme.names(userThemesDirectory: themesDirectory),
            userThemesDirectory: themesDirectory,
            noColor: options.noColor || !(env["NO_COLOR"] ?? "").isEmpty,
            ascii: options.ascii || configuration.ascii, readonly: options.readonly || configuration.readonly,
            profile: options.demo ? "demo" : (configuration.profile ?? env["AWS_PROFILE"] ?? "default"),
            regions: configuration.regions, refreshIntervals: intervals, cache: cache,
            initialSnapshot: snapshot,
            refresher: ConsoleRefresher(
                cache: cache, demoSize: options.demo ? options.demoSize : nil, logger: logger),
            notices: notices)
    }

    /// Opens the cache trusting its header and schema (a full `quick_check` of a large
    /// cache costs a third of the first-frame budget); if the first read then fails, the
    /// file is opened again with the full check, which moves a damaged file aside.
    static func openCache(
        at path: String, demoSize: DemoSize?, now: Date, logger: Logger
    ) throws -> (CacheDatabase, OrgSnapshot, String?) {
        func attempt(_ check: CacheDatabase.IntegrityCheck) throws -> (CacheDatabase, OrgSnapshot, String?) {
            let (cache, recovered) = try CacheDatabase.open(at: path, check: check, now: now)
            if let demoSize { try DemoCache.ensure(in: cache, size: demoSize, now: now, logger: logger) }
            let snapshot = try cache.snapshot(now: now)
            cache.releaseReadMemory()
            return (cache, snapshot, recovered)
        }
        do {
            return try attempt(.schemaOnly)
        } catch {
            logger.warning("cache read failed, checking the file: \(error)")
            return try attempt(.quick)
        }
    }
}
