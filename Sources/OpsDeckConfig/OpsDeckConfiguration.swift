import OpsDeckCore
import OpsDeckUI
import TerminalKit

/// Everything `config.toml` can set, with the defaults used for whatever it leaves out
/// or gets wrong.
public struct OpsDeckConfiguration: Sendable, Hashable {
    /// The AWS profile; nil uses the default credential chain (`AWS_PROFILE`, ...).
    public var profile: String?
    public var regions: [String]
    /// A theme name or a path to a theme file.
    public var theme: String
    /// How often each source is polled; sources left out use `defaultRefresh`.
    public var refresh: [Source: Duration]
    /// Key rebinds by action; actions left out keep their default keys.
    public var keys: [KeyAction: [Key]]
    /// Draw with ASCII instead of box-drawing and block characters.
    public var ascii: Bool
    public var mouse: Bool
    /// How the selected row is drawn (`[ui] selection`): a marker (the default) or a bar.
    public var selection: SelectionStyle
    /// Hide every action that changes anything (acknowledge, assume role, ...).
    public var readonly: Bool
    public var aws: AWSSettings
    public var breakGlass: BreakGlassSettings
    public var pagerDuty: PagerDutySettings
    public var gitHub: GitHubSettings

    public static let defaultRegions = ["us-east-1", "us-west-2"]

    public static let defaultRefresh: [Source: Duration] = [
        .alarms: .seconds(60),
        .incidents: .seconds(60),
        .pipelines: .seconds(120),
        .organizations: .seconds(3600),
        .roles: .seconds(3600),
        .cost: .seconds(21_600),
    ]

    public init(
        profile: String? = nil,
        regions: [String] = Self.defaultRegions,
        theme: String = "default",
        refresh: [Source: Duration] = Self.defaultRefresh,
        keys: [KeyAction: [Key]] = [:],
        ascii: Bool = false,
        mouse: Bool = true,
        readonly: Bool = false,
        aws: AWSSettings = AWSSettings(),
        breakGlass: BreakGlassSettings = BreakGlassSettings(),
        pagerDuty: PagerDutySettings = PagerDutySettings(),
        gitHub: GitHubSettings = GitHubSettings(),
        selection: SelectionStyle = .marker
    ) {
        self.profile = profile
        self.regions = regions
        self.theme = theme
        self.refresh = refresh
        self.keys = keys
        self.ascii = ascii
        self.mouse = mouse
        self.readonly = readonly
        self.aws = aws
        self.breakGlass = breakGlass
        self.pagerDuty = pagerDuty
        self.gitHub = gitHub
        self.selection = selection
    }

    /// All defaults: what OpsDeck runs with when there is no config file.
    public static let defaults = OpsDeckConfiguration()

    /// How often `source` is polled.
    public func refreshInterval(for source: Source) -> Duration {
        refresh[source] ?? Self.defaultRefresh[source] ?? .seconds(60)
    }
}
