import OpsDeckCore

/// The account and role a break-glass session is for, resolved from the cache.
public struct BreakGlassTarget: Sendable, Hashable {
    /// The 12-digit account id.
    public var accountId: String
    /// The account's name in the organization.
    public var accountName: String
    /// The account's IAM alias, if it has one.
    public var alias: String?
    /// True for production accounts: the user must type the alias to confirm.
    public var isProduction: Bool
    /// The role's name.
    public var roleName: String
    /// The role's ARN.
    public var roleArn: String
    /// The role's `MaxSessionDuration` in seconds (3600 when the cache does not know the role).
    public var maxSessionDuration: Int

    /// Creates a target.
    public init(
        accountId: String, accountName: String, alias: String? = nil, isProduction: Bool = false,
        roleName: String, roleArn: String, maxSessionDuration: Int = 3600
    ) {
        self.accountId = accountId
        self.accountName = accountName
        self.alias = alias
        self.isProduction = isProduction
        self.roleName = roleName
        self.roleArn = roleArn
        self.maxSessionDuration = maxSessionDuration
    }

    /// What the user types to confirm a production account: its alias, else its name.
    public var confirmationText: String { alias ?? accountName }

    /// `payments-prod (123456789012)`.
    public var accountLabel: String { "\(alias ?? accountName) (\(accountId))" }

    /// Finds ACCOUNT by id, name or alias (names and aliases ignoring case) and ROLE by name
    /// or ARN among the cached roles of that account.
    /// - Parameters:
    ///   - account: an id, name or alias.
    ///   - role: a role name (`BreakGlassAdmin`) or ARN.
    ///   - accounts: the cached accounts.
    ///   - roles: the cached roles.
    /// - Throws: `BreakGlassError.unknownAccount` or `.ambiguousAccount`.
    public static func resolve(
        account: String, role: String, accounts: [Account], roles: [Role]
    ) throws(BreakGlassError) -> BreakGlassTarget {
        let query = account.trimmingCharacters(in: .whitespaces)
        var matches = accounts.filter { $0.id == query }
        if matches.isEmpty {
            let lowered = query.lowercased()
            matches = accounts.filter { $0.alias?.lowercased() == lowered }
            if matches.isEmpty { matches = accounts.filter { $0.name.lowercased() == lowered } }
        }
        guard let found = matches.first else { throw .unknownAccount(query) }
        guard matches.count == 1 else {
            throw .ambiguousAccount(query, matches: matches.map { "\($0.name) \($0.id)" })
        }
        let roleName = role.hasPrefix("arn:") ? String(role.split(separator: "/").last ?? "") : role
        let cached =
            roles.first { $0.accountId == found.id && ($0.arn == role || $0.name == roleName) }
            ?? roles.first { $0.accountId == found.id && $0.name.lowercased() == roleName.lowercased() }
        let arn = cached?.arn ?? (role.hasPrefix("arn:") ? role : "arn:aws:iam::\(found.id):role/\(roleName)")
        return BreakGlassTarget(
            accountId: found.id, accountName: found.name, alias: found.alias,
            isProduction: found.isProduction,
            roleName: cached?.name ?? roleName, roleArn: arn,
            maxSessionDuration: cached?.maxSessionDuration ?? 3600)
    }
}
