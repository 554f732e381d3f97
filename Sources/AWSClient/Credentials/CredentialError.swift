import Foundation

/// Why credentials could not be found or fetched. Every message says what to do next and
/// none contains a secret: process output, tokens and keys are never quoted.
public enum CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `~/.aws/config` or `~/.aws/credentials` could not be parsed.
    case configFile(AWSConfigFileError)
    /// A file exists but could not be read.
    case fileUnreadable(path: String, reason: String)
    /// The chosen profile is in neither file.
    case profileNotFound(String)
    /// A source had some but not all of the values it needs.
    case partialCredentials(source: String, missing: String)
    /// A profile's settings contradict each other or are missing a required value.
    case invalidProfile(profile: String, problem: String)
    /// `source_profile` references loop back; the path is in visiting order and ends with
    /// the profile seen twice.
    case sourceProfileCycle([String])
    /// A profile used as `source_profile` yields no credentials.
    case sourceProfileHasNoCredentials(profile: String, referencedBy: String)
    /// The `credential_source` of a profile found nothing.
    case credentialSourceEmpty(profile: String, source: String)
    /// A role needs an MFA code and no way to ask for one was given.
    case mfaCodeRequired(profile: String, serial: String)
    /// No SSO token is cached for the profile's session or start URL.
    case ssoTokenMissing(profile: String, cacheFile: String)
    /// The cached SSO token file is not what `aws sso login` writes.
    case ssoTokenInvalid(profile: String, cacheFile: String, problem: String)
    /// The cached SSO token has expired.
    case ssoTokenExpired(profile: String, expiredAt: Date)
    /// The SSO portal rejected the cached token.
    case ssoUnauthorized(profile: String)
    /// A `credential_process` could not be started.
    case processNotStarted(reason: String)
    /// A `credential_process` exited non-zero; `standardError` is what it printed there.
    case processFailed(profile: String, status: Int32, standardError: String)
    /// A `credential_process` printed something other than version 1 credentials JSON.
    case processOutputInvalid(profile: String, problem: String)
    /// The web identity token file could not be read.
    case webIdentityTokenUnreadable(path: String)
    /// `AWS_CONTAINER_CREDENTIALS_FULL_URI` points somewhere credentials must not be sent.
    case containerEndpointNotAllowed(host: String)
    /// An HTTP credential source (SSO, container, instance metadata) failed.
    case fetchFailed(source: String, problem: String)
    /// Every source in the chain was tried and none had credentials.
    case noCredentials(profile: String)

    public var description: String {
        switch self {
        case .configFile(let error):
            return error.description
        case .fileUnreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .profileNotFound(let name):
            return "the config profile (\(name)) could not be found in ~/.aws/config or ~/.aws/credentials"
        case .partialCredentials(let source, let missing):
            return "partial credentials found in \(source): \(missing) is missing"
        case .invalidProfile(let profile, let problem):
            return "profile \(profile): \(problem)"
        case .sourceProfileCycle(let path):
            return "source_profile loop: \(path.joined(separator: " -> ")); "
                + "break the loop by giving one of these profiles keys or a credential_source"
        case .sourceProfileHasNoCredentials(let profile, let referencedBy):
            return "profile \(profile), the source_profile of \(referencedBy), has no credentials"
        case .credentialSourceEmpty(let profile, let source):
            return "profile \(profile): credential_source \(source) found no credentials"
        case .mfaCodeRequired(let profile, let serial):
            return "profile \(profile) needs an MFA code for \(serial): pass --mfa-code or run interactively"
        case .ssoTokenMissing(let profile, let cacheFile):
            return "no SSO token cached (\(cacheFile)): run `aws sso login --profile \(profile)`"
        case .ssoTokenInvalid(let profile, let cacheFile, let problem):
            return "the SSO token cache \(cacheFile) is unusable (\(problem)): "
                + "run `aws sso login --profile \(profile)`"
        case .ssoTokenExpired(let profile, let expiredAt):
            return "SSO token expired at \(CredentialTimestamp.format(expiredAt)): "
                + "run `aws sso login --profile \(profile)`"
        case .ssoUnauthorized(let profile):
            return "the SSO session is no longer valid: run `aws sso login --profile \(profile)`"
        case .processNotStarted(let reason):
            return "credential_process could not be started: \(reason)"
        case .processFailed(let profile, let status, let standardError):
            let detail = standardError.isEmpty ? "" : ": \(standardError)"
            return "credential_process of profile \(profile) exited with status \(status)\(detail)"
        case .processOutputInvalid(let profile, let problem):
            return "credential_process of profile \(profile) printed unusable output: \(problem)"
        case .webIdentityTokenUnreadable(let path):
            return "cannot read the web identity token file \(path)"
        case .containerEndpointNotAllowed(let host):
            return "AWS_CONTAINER_CREDENTIALS_FULL_URI host \(host) is not allowed: use https, a loopback "
                + "address or an ECS/EKS metadata address"
        case .fetchFailed(let source, let problem):
            return "\(source): \(problem)"
        case .noCredentials(let profile):
            return "no AWS credentials found for profile \(profile): run `opsdeck doctor` to see each source "
                + "that was tried"
        }
    }
}
