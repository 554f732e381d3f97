/// The names AWS uses for regions in alarm notifications (`US East (N. Virginia)`).
public enum RegionNames {
    static let names: [String: String] = [
        "us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)",
        "us-west-1": "US West (N. California)", "us-west-2": "US West (Oregon)",
        "ca-central-1": "Canada (Central)", "eu-west-1": "EU (Ireland)", "eu-west-2": "EU (London)",
        "eu-west-3": "EU (Paris)", "eu-central-1": "EU (Frankfurt)", "eu-north-1": "EU (Stockholm)",
        "ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)",
        "ap-northeast-1": "Asia Pacific (Tokyo)", "ap-south-1": "Asia Pacific (Mumbai)",
        "sa-east-1": "South America (Sao Paulo)",
    ]

    /// The display name, or the code itself for a region not listed.
    public static func displayName(_ region: String) -> String { names[region] ?? region }
}
