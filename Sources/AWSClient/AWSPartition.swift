/// A group of regions that share a DNS suffix and global endpoints (`aws`, `aws-cn`,
/// `aws-us-gov`).
public struct AWSPartition: Sendable, Hashable {
    /// A partition name.
    public struct ID: RawRepresentable, Sendable, Hashable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The commercial partition.
        public static let aws = ID(rawValue: "aws")
        /// The China regions.
        public static let awsCN = ID(rawValue: "aws-cn")
        /// AWS GovCloud (US).
        public static let awsUSGov = ID(rawValue: "aws-us-gov")
    }

    /// The partition name.
    public let id: ID
    /// The suffix of every endpoint host (`amazonaws.com`, `amazonaws.com.cn`).
    public let dnsSuffix: String

    /// The partition a region belongs to, by the prefixes AWS gives region names; anything
    /// unknown (`fake-region-1`, a moto region) is treated as commercial.
    public static func of(region: String) -> AWSPartition {
        if region.hasPrefix("cn-") { return AWSPartition(id: .awsCN, dnsSuffix: "amazonaws.com.cn") }
        if region.hasPrefix("us-gov-") { return AWSPartition(id: .awsUSGov, dnsSuffix: "amazonaws.com") }
        return AWSPartition(id: .aws, dnsSuffix: "amazonaws.com")
    }
}
