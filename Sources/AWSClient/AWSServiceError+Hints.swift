extension AWSServiceError {
    /// What the user can do about the error, when there is something specific to say.
    public var hint: String? {
        let account = context.accountId.map { "account \($0)" } ?? "the target account"
        let action = "\(iamActionPrefix):\(context.operation)"
        switch category {
        case .invalidCredentials:
            if code == "SignatureDoesNotMatch" {
                return "The secret key does not match the access key: check the credentials of "
                    + "\(context.credentialsLabel) (a mistyped or rotated secret), and that the clock is right."
            }
            return "\(context.service) does not know this access key: check the credentials of "
                + "\(context.credentialsLabel) (deleted or inactive key, or a key of another partition)."
        case .expiredCredentials:
            return "The session has expired: refresh the credentials of \(context.credentialsLabel) "
                + "(for an SSO profile run `aws sso login`)."
        case .accessDenied:
            return "The identity of \(context.credentialsLabel) lacks \(action) in \(account): "
                + "allow it in the role's policy, and check service control policies."
        case .throttling:
            return "\(context.service) is throttling requests; OpsDeck backs off and retries. "
                + "Lower the refresh rate if this persists."
        case .transient:
            return "\(context.service) had a transient failure; try again shortly."
        case .other:
            return Self.codeHints[code]
        }
    }

    private var iamActionPrefix: String {
        AWSService.all.first { $0.serviceId == context.service }?.iamActionPrefix
            ?? context.service.lowercased().replacingOccurrences(of: " ", with: "")
    }

    private static let codeHints: [String: String] = [
        "AWSOrganizationsNotInUseException":
            "The account is not in an organization: use credentials of the organization's management account.",
        "OptInRequired": "The account has not opted in to this service or region.",
        "DataUnavailableException":
            "Cost Explorer has no data yet: it can take 24 hours after it is enabled.",
    ]
}
