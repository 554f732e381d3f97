import OpsDeckCore
import OpsDeckDemo

/// What the console was asked for on the command line.
public struct ConsoleOptions: Sendable {
    public var demo = false
    public var demoSize: DemoSize = .standard
    public var cachePath: String?
    public var configPath: String?
    public var theme: String?
    public var noColor = false
    public var ascii = false
    public var readonly = false
    public var profile: String?
    public var regions: [String] = []
    /// `--endpoint-url`: every AWS call goes there (a local emulator, a proxy).
    public var endpointURL: String?
    /// For the benchmark: quit right after the first complete frame.
    public var exitAfterFirstFrame = false
    /// `host:port` to run the PagerDuty webhook receiver on inside the console, if any.
    public var webhookListen: String?
    /// The process environment (only the executable reads the real one).
    public var environment: [String: String] = [:]

    public init() {}
}
