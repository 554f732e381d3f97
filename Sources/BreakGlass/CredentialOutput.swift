import Foundation

/// `--print`: the session's credentials as shell exports, JSON, or a `credential_process`
/// answer. Printed only when the user asks; never logged or written to disk.
public enum CredentialOutput: String, Sendable, CaseIterable {
    /// `export AWS_ACCESS_KEY_ID=...` lines for `eval`.
    case env
    /// The `aws sts assume-role` Credentials shape plus the role and account.
    case json
    /// The `credential_process` protocol (Version 1).
    case credentialProcess = "credential-process"

    /// The text to print, ending with a newline.
    public func render(_ session: BreakGlassSession) -> String {
        let expiration = Self.iso8601(session.expiration)
        let credentials = session.credentials
        switch self {
        case .env:
            var lines = [
                "export AWS_ACCESS_KEY_ID=\(Self.shellQuoted(credentials.accessKeyId))",
                "export AWS_SECRET_ACCESS_KEY=\(Self.shellQuoted(credentials.secretAccessKey))",
            ]
            if let token = credentials.sessionToken {
                lines.append("export AWS_SESSION_TOKEN=\(Self.shellQuoted(token))")
            }
            lines += [
                "export AWS_CREDENTIAL_EXPIRATION=\(Self.shellQuoted(expiration))",
                "export AWS_REGION=\(Self.shellQuoted(session.region))",
                "export AWS_DEFAULT_REGION=\(Self.shellQuoted(session.region))",
                "export OPSDECK_BREAKGLASS=\(Self.shellQuoted(session.label))",
                "unset AWS_PROFILE AWS_DEFAULT_PROFILE",
            ]
            return lines.joined(separator: "\n") + "\n"
        case .json:
            var object: [String: CanonicalJSON.Value] = [
                "AccessKeyId": .string(credentials.accessKeyId),
                "SecretAccessKey": .string(credentials.secretAccessKey),
                "Expiration": .string(expiration), "AssumedRoleArn": .string(session.assumedRoleArn),
                "AccountId": .string(session.target.accountId), "RoleName": .string(session.target.roleName),
                "SessionName": .string(session.sessionName),
            ]
            if let token = credentials.sessionToken { object["SessionToken"] = .string(token) }
            return CanonicalJSON.encode(object) + "\n"
        case .credentialProcess:
            var object: [String: CanonicalJSON.Value] = [
                "Version": .integer(1), "AccessKeyId": .string(credentials.accessKeyId),
                "SecretAccessKey": .string(credentials.secretAccessKey), "Expiration": .string(expiration),
            ]
            if let token = credentials.sessionToken { object["SessionToken"] = .string(token) }
            return CanonicalJSON.encode(object) + "\n"
        }
    }

    /// The environment a subshell or `--exec` command gets: the caller's, minus any other
    /// AWS identity, plus the session's credentials, region and label.
    public static func environment(for session: BreakGlassSession, base: [String: String]) -> [String: String]
    {
        var environment = base
        for name in [
            "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION",
        ] {
            environment[name] = nil
        }
        environment["AWS_ACCESS_KEY_ID"] = session.credentials.accessKeyId
        environment["AWS_SECRET_ACCESS_KEY"] = session.credentials.secretAccessKey
        if let token = session.credentials.sessionToken { environment["AWS_SESSION_TOKEN"] = token }
        environment["AWS_CREDENTIAL_EXPIRATION"] = iso8601(session.expiration)
        // botocore (the AWS CLI v1, boto3) reads only AWS_DEFAULT_REGION; the other SDKs AWS_REGION.
        environment["AWS_REGION"] = session.region
        environment["AWS_DEFAULT_REGION"] = session.region
        environment["OPSDECK_BREAKGLASS"] = session.label
        environment["OPSDECK_BREAKGLASS_EXPIRES"] = iso8601(session.expiration)
        return environment
    }

    /// `2026-11-24T08:00:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Single-quoted for POSIX shells.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
