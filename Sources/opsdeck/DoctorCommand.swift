import ArgumentParser
import Foundation
import OpsDeckApp

/// `opsdeck doctor`: which credential source is used and why the earlier ones were not,
/// who the credentials are, and the state of the cache and config.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check credentials (each source of the chain), identity, cache and config; exit 1 without credentials."
    )

    @Option(help: "AWS profile to check.")
    var profile: String?

    @Option(help: "Send every AWS call to this endpoint (as the AWS CLI's --endpoint-url).")
    var endpointURL: String?

    @Option(help: "The current MFA code for a profile with mfa_serial (otherwise the terminal asks).")
    var mfaCode: String?

    @Option(help: "Path of the cache file (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite).")
    var cache: String?

    @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
    var config: String?

    func run() throws {
        var options = ConsoleOptions()
        options.cachePath = cache
        options.configPath = config
        options.profile = profile
        options.environment = ProcessInfo.processInfo.environment
        let request = DoctorRunner.Request(options: options, endpointURL: endpointURL, mfaCode: mfaCode)
        let result = BlockingTask.run(fallback: DoctorRunner.Result(text: "", status: 1)) {
            await DoctorRunner.run(request)
        }
        FileHandle.standardOutput.write(Data(result.text.utf8))
        if result.status != 0 { throw ExitCode(result.status) }
    }
}
