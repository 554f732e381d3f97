import Foundation

/// Chooses the profile and reads the shared config files, with the CLI's precedence.
public struct ProfileResolver: Sendable {
    /// The environment variables, for `AWS_PROFILE`, the file locations and `HOME`.
    public var environment: CredentialEnvironment

    /// Creates a resolver over an environment.
    public init(environment: CredentialEnvironment) {
        self.environment = environment
    }

    /// Chooses the profile: `--profile`, then `AWS_DEFAULT_PROFILE`, then `AWS_PROFILE`, then
    /// `default`.
    ///
    /// botocore looks at `AWS_DEFAULT_PROFILE` before `AWS_PROFILE`, and a variable that is
    /// set but empty still wins (naming a profile `""` that cannot exist, so the CLI fails);
    /// an empty `--profile` counts as none.
    /// - Parameters:
    ///   - explicit: The `--profile` argument, if any.
    ///   - variables: The environment variables.
    public static func select(explicit: String?, variables: [String: String]) -> ProfileSelection {
        if let explicit, !explicit.isEmpty {
            return ProfileSelection(name: explicit, origin: .explicit)
        }
        for variable in ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"] {
            if let value = variables[variable] {
                return ProfileSelection(name: value, origin: .environment(variable: variable))
            }
        }
        return ProfileSelection(name: "default", origin: .fallback)
    }

    /// `AWS_CONFIG_FILE`, or `~/.aws/config`, with `~` and `$VAR` expanded.
    public var configFilePath: String {
        environment.expandPath(environment.variables["AWS_CONFIG_FILE"] ?? "~/.aws/config")
    }

    /// `AWS_SHARED_CREDENTIALS_FILE`, or `~/.aws/credentials`, with `~` and `$VAR` expanded.
    public var credentialsFilePath: String {
        environment.expandPath(environment.variables["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
    }

    /// Reads and parses both files; a missing file counts as empty.
    /// - Throws: `CredentialError.configFile` for a line the CLI would reject too, or
    ///   `CredentialError.fileUnreadable`.
    public func loadSharedConfig() throws -> AWSSharedConfig {
        AWSSharedConfig(
            configFile: try load(configFilePath),
            credentialsFile: try load(credentialsFilePath)
        )
    }

    /// The selected profile's settings.
    /// - Throws: `CredentialError.profileNotFound` when a profile that was asked for (with
    ///   `--profile` or a variable, even `default`) is in neither file; the CLI refuses to run
    ///   then, even with keys in the environment. Only the fallback `default` may be missing.
    public func profile(_ selection: ProfileSelection, in config: AWSSharedConfig) throws -> AWSProfile {
        if selection.origin != .fallback, config.profiles[selection.name] == nil {
            throw CredentialError.profileNotFound(selection.name)
        }
        guard let profile = config.profile(selection.name) else {
            throw CredentialError.profileNotFound(selection.name)
        }
        return profile
    }

    private func load(_ path: String) throws -> AWSConfigFile? {
        guard let data = try environment.readFile(path) else { return nil }
        do {
            return try AWSConfigFile.parse(data: data, path: path)
        } catch {
            throw CredentialError.configFile(error)
        }
    }
}
