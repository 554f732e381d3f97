import Foundation

/// Where to send a service's requests and how to sign them.
public struct AWSEndpoint: Sendable, Hashable {
    /// Which setting chose the endpoint, for `opsdeck doctor`-style explanations.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// `--endpoint-url` or a URL given in code.
        case explicit
        /// `AWS_ENDPOINT_URL_<SERVICE>`; the variable's name.
        case serviceEnvironment(String)
        /// `AWS_ENDPOINT_URL`.
        case globalEnvironment
        /// `endpoint_url` in the profile's `services` section for this service.
        case profileService
        /// `endpoint_url` in the profile.
        case profile
        /// The AWS default for the service and region.
        case `default`

        public var description: String {
            switch self {
            case .explicit: "--endpoint-url"
            case .serviceEnvironment(let name): name
            case .globalEnvironment: "AWS_ENDPOINT_URL"
            case .profileService: "the profile's services section"
            case .profile: "the profile's endpoint_url"
            case .default: "the AWS default"
            }
        }
    }

    /// The base URL: scheme, host, optional port and optional path.
    public var url: URL
    /// The region named in the signature.
    public var signingRegion: String
    /// Which setting chose the URL.
    public var source: Source

    /// Creates an endpoint.
    public init(url: URL, signingRegion: String, source: Source) {
        self.url = url
        self.signingRegion = signingRegion
        self.source = source
    }

    /// `host` or `host:port` when the port is not the scheme's default, as the `Host` header
    /// must read (and as the signature signs it).
    public var hostHeader: String {
        let host = url.host ?? ""
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
        return "\(host):\(port)"
    }

    /// The URL requests go to: the base URL, with `/` as the path when it has none.
    public var requestURL: URL {
        guard url.path.isEmpty else { return url }
        return url.appendingPathComponent("")
    }

    /// The path of requests: the URL's own path, or `/`.
    public var path: String {
        let path = url.path
        return path.isEmpty ? "/" : path
    }
}
