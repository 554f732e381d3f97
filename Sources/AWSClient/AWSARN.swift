/// Reading the parts of an ARN (`arn:partition:service:region:account:resource`).
public enum AWSARN {
    /// The account field, when the ARN has a non-empty one.
    public static func accountId(of arn: String) -> String? {
        field(4, of: arn)
    }

    /// The region field, when the ARN has a non-empty one.
    public static func region(of arn: String) -> String? {
        field(3, of: arn)
    }

    /// The resource part: everything after the fifth colon.
    public static func resource(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        return String(parts[5])
    }

    private static func field(_ index: Int, of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[index].isEmpty else { return nil }
        return String(parts[index])
    }
}
