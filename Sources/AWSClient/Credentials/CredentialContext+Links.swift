import AWSSigV4
import Foundation

extension CredentialContext {
    /// The CLI's default chain, in botocore's order: environment, assume role, web
    /// identity, SSO, shared credentials file, credential_process, config file, container,
    /// instance metadata.
    func defaultLinks() -> [CredentialLink] {
        let name = selection.name
        return [
            environmentLink(honouringExplicitProfile: true),
            assumeRoleLink(name),
            webIdentityLink(name, readingEnvironment: !selection.isExplicit),
            ssoLink(name),
            sharedCredentialsLink(name),
            processLink(name),
            configFileLink(name),
            containerLink(),
            instanceMetadataLink(),
        ]
    }

    /// The sources a `source_profile` may draw on: the profile-based ones, never the
    /// environment.
    func sourceProfileLinks(_ name: String) -> [CredentialLink] {
        [
            webIdentityLink(name, readingEnvironment: false), ssoLink(name), sharedCredentialsLink(name),
            processLink(name), configFileLink(name),
        ]
    }

    /// The source a `credential_source` names; nil for a name the CLI does not accept.
    func credentialSourceLink(_ name: String) -> CredentialLink? {
        switch name {
        case "Environment": environmentLink(honouringExplicitProfile: false)
        case "EcsContainer": containerLink()
        case "Ec2InstanceMetadata": instanceMetadataLink()
        default: nil
        }
    }

    // MARK: - Environment

    func environmentLink(honouringExplicitProfile: Bool) -> CredentialLink {
        CredentialLink(name: "environment") { [self] in
            if honouringExplicitProfile, selection.isExplicit {
                return .skipped("ignored because --profile \(selection.name) was given")
            }
            guard let accessKeyId = environment.nonEmpty("AWS_ACCESS_KEY_ID") else {
                return .skipped("AWS_ACCESS_KEY_ID not set")
            }
            guard let secret = environment.nonEmpty("AWS_SECRET_ACCESS_KEY") else {
                throw CredentialError.partialCredentials(
                    source: "environment", missing: "AWS_SECRET_ACCESS_KEY")
            }
            // botocore reads the legacy AWS_SECURITY_TOKEN before AWS_SESSION_TOKEN.
            let token =
                environment.nonEmpty("AWS_SECURITY_TOKEN") ?? environment.nonEmpty("AWS_SESSION_TOKEN")
            var expiration: Date?
            if let text = environment.nonEmpty("AWS_CREDENTIAL_EXPIRATION") {
                guard let date = CredentialTimestamp.parse(text) else {
                    throw CredentialError.fetchFailed(
                        source: "environment", problem: "AWS_CREDENTIAL_EXPIRATION \(text) is not a timestamp"
                    )
                }
                expiration = date
            }
            let resolved = ResolvedCredentials(
                credentials: AWSCredentials(
                    accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token),
                expiration: expiration, source: "environment")
            return .found(StaticCredentialProvider(resolved: resolved), initial: resolved)
        }
    }

    // MARK: - Assume role

    func assumeRoleLink(_ name: String) -> CredentialLink {
        CredentialLink(name: "assume role") { [self] in
            guard let profile = config.profiles[name], profile.has("role_arn") else {
                return .skipped("profile \(name) has no role_arn")
            }
            guard profile.assumesRole else {
                return .skipped(
                    "profile \(name) pairs role_arn with web_identity_token_file (see web identity)")
            }
            return .found(try await assumeRoleProvider(name, visited: [name]), initial: nil)
        }
    }

    /// The provider for a profile with `role_arn`, resolving its source (recursively through
    /// `source_profile`) first.
    /// - Parameter visited: Profiles already on the path, the first being where it started.
    func assumeRoleProvider(_ name: String, visited: [String]) async throws -> AssumeRoleCredentialProvider {
        guard let profile = config.profiles[name], let roleArn = profile.roleArn else {
            throw CredentialError.invalidProfile(profile: name, problem: "has no role_arn")
        }
        let hasSourceProfile = profile.has("source_profile")
        let hasCredentialSource = profile.has("credential_source")
        if hasSourceProfile, hasCredentialSource {
            throw CredentialError.invalidProfile(
                profile: name, problem: "has both source_profile and credential_source; keep one")
        }
        guard hasSourceProfile || hasCredentialSource else {
            throw CredentialError.partialCredentials(
                source: "profile \(name) (role_arn)", missing: "source_profile or credential_source")
        }
        let source: any CredentialProvider
        let via: String
        if hasCredentialSource {
            let sourceName = profile.credentialSource ?? ""
            guard let link = credentialSourceLink(sourceName) else {
                throw CredentialError.invalidProfile(
                    profile: name,
                    problem: "credential_source \(sourceName) is not valid; use Environment, "
                        + "Ec2InstanceMetadata or EcsContainer")
            }
            guard let provider = try await firstAvailable([link]) else {
                throw CredentialError.credentialSourceEmpty(profile: name, source: sourceName)
            }
            source = provider
            via = "credential_source \(sourceName)"
        } else {
            let sourceName = profile.sourceProfile ?? ""
            guard let sourceProfile = config.profiles[sourceName] else {
                throw CredentialError.invalidProfile(
                    profile: name, problem: "source_profile \(sourceName) does not exist")
            }
            // A profile may name itself as source to keep its keys and its role together;
            // any other repeat is a loop.
            if visited.contains(sourceName), sourceName != name || !sourceProfile.hasStaticKeys {
                throw CredentialError.sourceProfileCycle(visited + [sourceName])
            }
            if sourceProfile.hasStaticKeys || !sourceProfile.assumesRole {
                // The CLI's rule: keys in the source profile win over its own role_arn.
                guard let provider = try await firstAvailable(sourceProfileLinks(sourceName)) else {
                    throw CredentialError.sourceProfileHasNoCredentials(
                        profile: sourceName, referencedBy: name)
                }
                source = provider
            } else {
                source = cached(try await assumeRoleProvider(sourceName, visited: visited + [sourceName]))
            }
            via = "source_profile \(sourceName)"
        }
        let role = AssumeRoleCredentialProvider.Role(
            arn: roleArn, sessionName: profile.roleSessionName, durationSeconds: profile.durationSeconds,
            externalId: profile.externalId, mfaSerial: profile.mfaSerial)
        return AssumeRoleCredentialProvider(
            role: role, source: source, makeAssumer: makeAssumer, mfaPrompt: mfaPrompt,
            label: "profile \(name) (role_arn via \(via))", profileName: name, now: environment.now)
    }

    // MARK: - Web identity

    func webIdentityLink(_ name: String, readingEnvironment: Bool) -> CredentialLink {
        CredentialLink(name: "web identity") { [self] in
            let profile = config.profiles[name]
            // Each setting on its own: a variable, when read and set, wins over the profile key.
            func setting(_ variable: String, _ key: String) -> (value: String, fromEnvironment: Bool)? {
                if readingEnvironment, let value = environment.variables[variable] { return (value, true) }
                return profile?[key].map { ($0, false) }
            }
            guard let tokenFile = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file"),
                !tokenFile.value.isEmpty
            else {
                let variable = readingEnvironment ? "AWS_WEB_IDENTITY_TOKEN_FILE not set and " : ""
                return .skipped("\(variable)profile \(name) has no web_identity_token_file")
            }
            guard let roleArn = setting("AWS_ROLE_ARN", "role_arn"), !roleArn.value.isEmpty else {
                throw CredentialError.invalidProfile(
                    profile: name,
                    problem: "a web identity token file is set but no role: set role_arn or AWS_ROLE_ARN")
            }
            let label =
                tokenFile.fromEnvironment
                ? "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role \(roleArn.value))"
                : "profile \(name) (web identity, role \(roleArn.value))"
            let provider = WebIdentityCredentialProvider(
                tokenFile: tokenFile.value, roleArn: roleArn.value,
                sessionName: setting("AWS_ROLE_SESSION_NAME", "role_session_name")?.value,
                makeAssumer: makeAssumer, environment: environment, label: label)
            return .found(provider, initial: nil)
        }
    }

    // MARK: - SSO

    func ssoLink(_ name: String) -> CredentialLink {
        CredentialLink(name: "SSO") { [self] in
            guard let profile = config.profiles[name],
                let configuration = try SSOConfiguration.resolve(profile, in: config)
            else {
                return .skipped("profile \(name) has no sso_account_id or sso_role_name")
            }
            let provider = SSOCredentialProvider(
                configuration: configuration, endpoint: try ssoEndpointURL(region: configuration.region),
                environment: environment)
            return .found(provider, initial: nil)
        }
    }

    private func ssoEndpointURL(region: String) throws -> URL {
        if let ssoEndpoint { return ssoEndpoint }
        let configured = try ConfiguredEndpoint.url(
            serviceKey: "sso", profile: config.profile(selection.name), config: config,
            variables: environment.variables)
        if let configured, let url = URL(string: configured) { return url }
        guard let url = SSOCredentialProvider.defaultEndpoint(region: region) else {
            throw CredentialError.invalidProfile(
                profile: selection.name, problem: "sso_region \(region) is not valid")
        }
        return url
    }

    // MARK: - Static keys in files

    func sharedCredentialsLink(_ name: String) -> CredentialLink {
        CredentialLink(name: "shared credentials file") { [self] in
            let path = ProfileResolver(environment: environment).credentialsFilePath
            guard config.credentialsFile != nil else { return .skipped("no file at \(path)") }
            guard let profile = config.credentialsProfiles[name] else {
                return .skipped("no [\(name)] section in \(path)")
            }
            return try staticKeys(profile, path: path, label: "profile \(name) (shared credentials file)")
        }
    }

    func configFileLink(_ name: String) -> CredentialLink {
        CredentialLink(name: "config file") { [self] in
            let path = ProfileResolver(environment: environment).configFilePath
            guard config.configFile != nil else { return .skipped("no file at \(path)") }
            guard let profile = config.configProfiles[name] else {
                let header = name == "default" ? "[default]" : "[profile \(name)]"
                return .skipped("no \(header) section in \(path)")
            }
            return try staticKeys(profile, path: path, label: "profile \(name) (config file)")
        }
    }

    private func staticKeys(_ profile: AWSProfile, path: String, label: String) throws
        -> CredentialLink.Result
    {
        guard profile.has("aws_access_key_id") else {
            return .skipped("profile \(profile.name) in \(path) has no aws_access_key_id")
        }
        guard let secret = profile["aws_secret_access_key"] else {
            throw CredentialError.partialCredentials(
                source: "profile \(profile.name) in \(path)", missing: "aws_secret_access_key")
        }
        let credentials = AWSCredentials(
            accessKeyId: profile.accessKeyId ?? "", secretAccessKey: secret,
            sessionToken: profile["aws_security_token"] ?? profile["aws_session_token"])
        let resolved = ResolvedCredentials(credentials: credentials, expiration: nil, source: label)
        return .found(StaticCredentialProvider(resolved: resolved), initial: resolved)
    }

    // MARK: - credential_process

    func processLink(_ name: String) -> CredentialLink {
        CredentialLink(name: "credential_process") { [self] in
            guard let command = config.profiles[name]?.credentialProcess, !command.isEmpty else {
                return .skipped("profile \(name) has no credential_process")
            }
            let provider = ProcessCredentialProvider(
                command: command, profile: name, environment: environment)
            return .found(provider, initial: try await provider.credentials())
        }
    }

    // MARK: - Container and instance metadata

    func containerLink() -> CredentialLink {
        CredentialLink(name: "container") { [self] in
            guard let provider = try ContainerCredentialProvider.configured(in: environment) else {
                return .skipped(
                    "\(ContainerCredentialProvider.relativeURIVariable) and "
                        + "\(ContainerCredentialProvider.fullURIVariable) not set")
            }
            return .found(provider, initial: try await provider.credentials())
        }
    }

    func instanceMetadataLink() -> CredentialLink {
        CredentialLink(name: "instance metadata") { [self] in
            if InstanceMetadataCredentialProvider.isDisabled(environment) {
                return .skipped("AWS_EC2_METADATA_DISABLED is true")
            }
            let provider = InstanceMetadataCredentialProvider(
                settings: InstanceMetadataCredentialProvider.settings(
                    environment: environment, profile: config.profile(selection.name)),
                environment: environment)
            switch try await provider.fetch() {
            case .credentials(let resolved): return .found(provider, initial: resolved)
            case .unavailable(let reason): return .skipped(reason)
            }
        }
    }
}
