/// The rules of a ``FaultProxy`` (Fixtures/fault_proxy.py's rule file, as Swift values).
///
/// ```swift
/// FaultRules(rules: [
///     .init(id: "prod-throttled", match: .init(account: prodId, service: "monitoring"),
///           fault: .throttle, times: 3)
/// ])
/// ```
struct FaultRules: Encodable, Sendable {
    /// What the proxy does to a request a rule picks.
    enum Kind: String, Codable, Sendable {
        /// HTTP 400 `ThrottlingException` (JSON) or `Throttling` (query XML); 403 with
        /// `x-ratelimit-remaining: 0` for REST (GitHub).
        case throttle
        /// `status` (default 500) with `code` (default `InternalFailure`).
        case error
        /// TCP reset, no answer.
        case reset
        /// Orderly close, no answer.
        case close
        /// Waits `delayMs`, then forwards.
        case delay
    }

    /// What a request must have for a rule or route to apply; every given field must match.
    struct Match: Encodable, Sendable {
        /// The account of the signing key (learned from STS answers, or from ``FaultRules/accounts``).
        var account: String?
        /// The signing key's access key id.
        var accessKey: String?
        /// The credential scope's service (signing name: `monitoring`, `iam`, `ce`).
        var service: String?
        /// The credential scope's region.
        var region: String?
        /// The whole `X-Amz-Target`.
        var target: String?
        /// The start of `X-Amz-Target` (`CodePipeline_20150709.`).
        var targetPrefix: String?
        /// The operation: query `Action=`, or what follows the `.` of the target.
        var action: String?
        /// The HTTP method.
        var method: String?
        /// The start of the path (`/repos/`).
        var pathPrefix: String?
        /// Text the body (raw or form-decoded) contains, such as the token of page 2.
        var bodyContains: String?

        init(
            account: String? = nil, accessKey: String? = nil, service: String? = nil, region: String? = nil,
            target: String? = nil, targetPrefix: String? = nil, action: String? = nil, method: String? = nil,
            pathPrefix: String? = nil, bodyContains: String? = nil
        ) {
            self.account = account
            self.accessKey = accessKey
            self.service = service
            self.region = region
            self.target = target
            self.targetPrefix = targetPrefix
            self.action = action
            self.method = method
            self.pathPrefix = pathPrefix
            self.bodyContains = bodyContains
        }

        enum CodingKeys: String, CodingKey {
            case account, service, region, target, action, method
            case accessKey = "access_key"
            case targetPrefix = "target_prefix"
            case pathPrefix = "path_prefix"
            case bodyContains = "body_contains"
        }
    }

    /// One fault: injected into at most `times` matching requests, after `skip` pass.
    struct Rule: Encodable, Sendable {
        var id: String
        var match: Match
        var fault: Kind
        var times: Int
        var skip: Int
        var delayMs: Int?
        var status: Int?
        var code: String?
        var message: String?

        init(
            id: String, match: Match = Match(), fault: Kind, times: Int = 1, skip: Int = 0,
            delayMs: Int? = nil,
            status: Int? = nil, code: String? = nil, message: String? = nil
        ) {
            self.id = id
            self.match = match
            self.fault = fault
            self.times = times
            self.skip = skip
            self.delayMs = delayMs
            self.status = status
            self.code = code
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case id, match, fault, times, skip, status, code, message
            case delayMs = "delay_ms"
        }
    }

    /// Sends matching requests to another upstream (say, CodePipeline to the fixture server).
    struct Route: Encodable, Sendable {
        var match: Match
        /// `http://127.0.0.1:<port>`.
        var upstream: String
    }

    /// Access key id to account id, for keys no STS answer through the proxy reveals.
    var accounts: [String: String]
    /// First match wins; unmatched requests go to the proxy's upstream.
    var routes: [Route]
    /// Tried in order; the first that matches and has budget left applies.
    var rules: [Rule]

    init(accounts: [String: String] = [:], routes: [Route] = [], rules: [Rule] = []) {
        self.accounts = accounts
        self.routes = routes
        self.rules = rules
    }
}
