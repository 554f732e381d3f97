import Foundation

/// Who is at the keyboard, as the machine knows it: recorded in the audit log and used for
/// the STS session name and SourceIdentity.
public struct LocalIdentity: Sendable, Hashable {
    /// The local user name.
    public var user: String
    /// The host name.
    public var host: String
    /// The SSH client's address, when the user came in over SSH.
    public var sshClient: String?

    /// Creates an identity.
    public init(user: String, host: String, sshClient: String? = nil) {
        self.user = user
        self.host = host
        self.sshClient = sshClient
    }

    /// Reads `USER`/`LOGNAME` (else the process owner), the host name and
    /// `SSH_CLIENT`/`SSH_CONNECTION` from `environment`.
    public static func current(environment: [String: String]) -> LocalIdentity {
        var user = environment["USER"] ?? environment["LOGNAME"] ?? ""
        if user.isEmpty, let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            user = String(cString: name)
        }
        if user.isEmpty { user = "uid\(geteuid())" }
        let ssh = (environment["SSH_CLIENT"] ?? environment["SSH_CONNECTION"])?
            .split(separator: " ").first.map(String.init)
        return LocalIdentity(user: user, host: ProcessInfo.processInfo.hostName, sshClient: ssh)
    }
}
