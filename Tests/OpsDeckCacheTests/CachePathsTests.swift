import Testing

@testable import OpsDeckCache

@Suite struct CachePathsTests {
    @Test func usesXDGCacheHome() {
        let paths = CachePaths(environment: ["XDG_CACHE_HOME": "/x/cache/", "HOME": "/home/me"])
        #expect(paths.directory == "/x/cache/opsdeck")
        #expect(paths.cacheFile == "/x/cache/opsdeck/cache.sqlite")
        #expect(paths.demoFile == "/x/cache/opsdeck/demo.sqlite")
    }

    @Test(arguments: [[:], ["XDG_CACHE_HOME": ""], ["XDG_CACHE_HOME": "relative/cache"]])
    func fallsBackToHomeWhenXDGIsUnsetOrRelative(_ extra: [String: String]) {
        let environment = extra.merging(["HOME": "/home/me"]) { first, _ in first }
        #expect(CachePaths(environment: environment).directory == "/home/me/.cache/opsdeck")
    }

    @Test func demoNeverSharesTheRealCacheFile() {
        let paths = CachePaths(environment: ["HOME": "/home/me"])
        #expect(paths.demoFile != paths.cacheFile)
    }
}
