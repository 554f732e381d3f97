import Foundation
import Testing

@testable import AWSClient

/// Differential tests: the same files and variables given to botocore (the AWS CLI's
/// engine) and to this chain must pick the same source, or fail with the same kind of
/// error; and the same text must parse to the same sections. Skipped when `python3` with
/// botocore is not installed (the CI installs it).
@Suite("Parity with botocore", .enabled(if: Botocore.isAvailable))
struct CredentialBotocoreParityTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var config = ""
        var credentials = ""
        var files: [String: String] = [:]
        var variables: [String: String] = [:]
        var profile: String?
        var testDescription: String { name }
    }

    static let keys = "aws_access_key_id = AKIA%@\naws_secret_access_key = secret\n"
    static let env = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "secret"]
    static let processJSON = #"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}"#

    static let scenarios: [Scenario] = [
        Scenario(name: "nothing configured"),
        Scenario(name: "environment keys", variables: env),
        Scenario(
            name: "environment keys beat AWS_PROFILE", credentials: "[prod]\n" + k("PROD"),
            variables: env.merging(["AWS_PROFILE": "prod"]) { $1 }),
        Scenario(
            name: "an explicit profile hides environment keys", credentials: "[prod]\n" + k("PROD"),
            variables: env, profile: "prod"),
        Scenario(
            name: "AWS_DEFAULT_PROFILE before AWS_PROFILE",
            credentials: "[a]\n" + k("A") + "[b]\n" + k("B"),
            variables: ["AWS_DEFAULT_PROFILE": "a", "AWS_PROFILE": "b"]),
        Scenario(
            name: "credentials file before config file", config: "[default]\n" + k("CONFIG"),
            credentials: "[default]\n" + k("CREDS")),
        Scenario(name: "config file keys", config: "[profile p]\n" + k("CONFIG"), profile: "p"),
        Scenario(
            name: "a bare section in config is not a profile", config: "[p]\n" + k("CONFIG"),
            credentials: "[other]\n" + k("X"), variables: ["AWS_PROFILE": "p"]),
        Scenario(
            name: "credential_process before config keys",
            config: "[default]\ncredential_process = /bin/cat $DIR/creds.json\n" + k("CONFIG"),
            files: ["creds.json": processJSON]),
        Scenario(
            name: "credentials file before credential_process",
            config: "[default]\ncredential_process = /bin/cat $DIR/creds.json\n",
            credentials: "[default]\n" + k("CREDS"), files: ["creds.json": processJSON]),
        Scenario(
            name: "role with source_profile",
            config: "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n",
            credentials: "[base]\n" + k("BASE"), profile: "r"),
        Scenario(
            name: "role_arn beats keys in the same profile",
            config: "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = r\n",
            credentials: "[r]\n" + k("R"), variables: ["AWS_PROFILE": "r"]),
        Scenario(
            name: "role with web_identity_token_file is web identity",
            config: "[profile w]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = $DIR/t\n",
            profile: "w"),
        Scenario(
            name: "web identity from the environment",
            variables: ["AWS_WEB_IDENTITY_TOKEN_FILE": "$DIR/t", "AWS_ROLE_ARN": "arn:aws:iam::1:role/W"]),
        Scenario(
            name: "explicit profile ignores web identity variables", credentials: "[p]\n" + k("P"),
            variables: ["AWS_WEB_IDENTITY_TOKEN_FILE": "$DIR/t", "AWS_ROLE_ARN": "arn:aws:iam::1:role/W"],
            profile: "p"),
        Scenario(
            name: "SSO with a session",
            config: "[profile s]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
                + "[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n",
            profile: "s"),
        Scenario(
            name: "SSO missing its region",
            config: "[profile s]\nsso_start_url = https://x\nsso_account_id = 1\nsso_role_name = R\n",
            profile: "s"),
        Scenario(
            name: "source_profile loop",
            config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n",
            profile: "a"),
        Scenario(
            name: "a profile naming itself without keys",
            config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = a\n", profile: "a"),
        Scenario(
            name: "source_profile and credential_source together",
            config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "credential_source = Environment\n[profile b]\n" + k("B"), profile: "a"),
        Scenario(
            name: "role without a source", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\n",
            profile: "a"),
        Scenario(
            name: "source profile without credentials",
            config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "[profile b]\nregion = x\n",
            profile: "a"),
        Scenario(
            name: "credential_source Environment",
            config:
                "[profile a]\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Environment\n",
            variables: env, profile: "a"),
        Scenario(
            name: "credential_source with nothing there",
            config:
                "[profile a]\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Ec2InstanceMetadata\n",
            profile: "a"),
        Scenario(name: "half an environment key pair", variables: ["AWS_ACCESS_KEY_ID": "AKIA"]),
        Scenario(
            name: "half a key pair in the credentials file", credentials: "[default]\naws_access_key_id = A\n"
        ),
        Scenario(
            name: "AWS_PROFILE naming no profile", variables: env.merging(["AWS_PROFILE": "nope"]) { $1 }),
        Scenario(
            name: "later [profile default] replaces [default]",
            config: "[default]\n" + k("FIRST") + "[profile default]\nregion = x\n"),
        Scenario(name: "a duplicate section is a parse error", config: "[default]\n[default]\n"),
        Scenario(
            name: "a duplicate key is a parse error", credentials: "[default]\nregion = a\nREGION = b\n"),
        Scenario(
            name: "an empty AWS_ACCESS_KEY_ID is unset", credentials: "[default]\n" + k("CREDS"),
            variables: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "s"]),
        Scenario(
            name: "an empty AWS_DEFAULT_PROFILE names no profile",
            credentials: "[default]\n" + k("DEFAULT") + "[b]\n" + k("B"),
            variables: ["AWS_DEFAULT_PROFILE": "", "AWS_PROFILE": "b"]),
        Scenario(
            name: "AWS_PROFILE=default needs a default profile",
            variables: env.merging(["AWS_PROFILE": "default"]) { $1 }),
        Scenario(name: "--profile default needs a default profile", variables: env, profile: "default"),
        Scenario(
            name: "a quoted profile name", config: "[profile \"my team\"]\n" + k("TEAM"),
            profile: "my team"),
        Scenario(
            name: "[profile x] in the credentials file is named literally",
            credentials: "[profile x]\n" + k("LITERAL"), profile: "profile x"),
        Scenario(
            name: "an empty token file variable turns web identity off",
            config: "[default]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = $DIR/t\n",
            variables: ["AWS_WEB_IDENTITY_TOKEN_FILE": ""]),
        Scenario(name: "web identity without a role", variables: ["AWS_WEB_IDENTITY_TOKEN_FILE": "$DIR/t"]),
        Scenario(
            name: "a source profile with keys and a role lends its keys",
            config: "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = c\n" + k("B"),
            profile: "a"),
    ]

    static func k(_ suffix: String) -> String { String(format: keys, suffix) }

    @Test func theSameSourceWinsAsInBotocore() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdeck-parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var requests: [[String: Any]] = []
        var ours: [String] = []
        for (index, scenario) in Self.scenarios.enumerated() {
            let dir = directory.appendingPathComponent("\(index)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            func place(_ text: String) -> String { text.replacingOccurrences(of: "$DIR", with: dir) }
            var files = scenario.files
            files["config"] = scenario.config
            files["credentials"] = scenario.credentials
            files["t"] = "token"
            for (name, text) in files {
                try Data(place(text).utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)"))
            }
            var variables = scenario.variables.mapValues(place)
            variables["HOME"] = dir
            variables["AWS_CONFIG_FILE"] = "\(dir)/config"
            variables["AWS_SHARED_CREDENTIALS_FILE"] = "\(dir)/credentials"
            variables["AWS_EC2_METADATA_DISABLED"] = "true"
            var request: [String: Any] = ["env": variables]
            if let profile = scenario.profile { request["profile"] = profile }
            requests.append(request)
            let environment = CredentialEnvironment(variables: variables, transport: FakeTransport())
            let chain = CredentialChain(
                profile: scenario.profile, environment: environment,
                makeAssumer: FakeRoleAssumer(clock: TestClock()).factory)
            do {
                let source = try await chain.firstApplicableSource()
                ours.append(
                    Self.botocoreMethod(of: source?.name) + (source?.accessKeyId.map { " " + $0 } ?? ""))
            } catch let error as CredentialError {
                ours.append(Self.botocoreError(of: error))
            }
        }
        let theirs = try Botocore.run(Botocore.chainScript, input: requests)
        try #require(theirs.count == Self.scenarios.count)
        for (index, scenario) in Self.scenarios.enumerated() {
            #expect(ours[index] == theirs[index], "\(scenario.name)")
        }
    }

    static func botocoreMethod(of source: String?) -> String {
        switch source {
        case nil: "none"
        case "environment": "env"
        case "assume role": "assume-role"
        case "web identity": "assume-role-with-web-identity"
        case "SSO": "sso"
        case "shared credentials file": "shared-credentials-file"
        case "credential_process": "custom-process"
        case "config file": "config-file"
        case "container": "container-role"
        case "instance metadata": "iam-role"
        case let other?: "unknown \(other)"
        }
    }

    static func botocoreError(of error: CredentialError) -> String {
        switch error {
        case .sourceProfileCycle: "InfiniteLoopConfigError"
        case .partialCredentials: "PartialCredentialsError"
        case .invalidProfile, .sourceProfileHasNoCredentials: "InvalidConfigError"
        case .profileNotFound: "ProfileNotFound"
        case .credentialSourceEmpty, .processFailed, .processOutputInvalid: "CredentialRetrievalError"
        case .configFile: "ConfigParseError"
        default: "other: \(error)"
        }
    }

    static let iniSamples = [
        ConfigFileParserTests.sample,
        "[a]\nx = 1\n  continued\n\n  after blank\ny: 2\n",
        "[a]\ns3 =\n\n  k = v\n  ; c\n  K2 = v2 = more\n",
        "[DEFAULT]\nd = 1\n[a]\nd = 2\n[b]\n",
        "  [indented]\n  key = value\n",
        "[a]\nnote = x\n  [b]\n",
        "[a]\nx = 1\n[a]\n",
        "x = 1\n",
        "[a]\nnope\n",
        "[a]\ns3 =\n  novalue\n",
    ]

    @Test func theSameTextParsesTheSameWay() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdeck-ini-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, text) in Self.iniSamples.enumerated() {
            let path = directory.appendingPathComponent("\(index).ini").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let theirs = try Botocore.run(Botocore.iniScript, input: paths)
        for (index, text) in Self.iniSamples.enumerated() {
            var ours: [String: [String: AWSConfigValue]]?
            if let file = try? AWSConfigFile.parse(text, path: paths[index]) {
                ours = Dictionary(uniqueKeysWithValues: file.sections.map { ($0.name, $0.values) })
            }
            #expect(
                ours == Self.sections(fromBotocore: theirs[index]),
                "sample \(index): \(text.debugDescription)")
        }
    }

    /// botocore's `raw_config_parse` result as sections; nil for its parse errors.
    static func sections(fromBotocore json: String) -> [String: [String: AWSConfigValue]]? {
        guard json != "error",
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]]
        else { return nil }
        return object.mapValues { values in
            values.compactMapValues { value -> AWSConfigValue? in
                if let string = value as? String { return .string(string) }
                if let nested = value as? [String: String] { return .subsection(nested) }
                return nil
            }
        }
    }
}

/// Runs small botocore scripts in `python3`.
enum Botocore {
    static let isAvailable: Bool = {
        (try? run("import botocore\nprint('[]')", input: [String]())) != nil
    }()

    static let chainScript = """
        import json, os, sys
        import botocore.session
        keep = {k: os.environ[k] for k in ('PATH',) if k in os.environ}
        STATIC = ('env', 'shared-credentials-file', 'config-file', 'custom-process')
        out = []
        for request in json.load(sys.stdin):
            os.environ.clear()
            os.environ.update(keep)
            os.environ.update(request['env'])
            try:
                credentials = botocore.session.Session(profile=request.get('profile')).get_credentials()
                if credentials is None:
                    out.append('none')
                elif credentials.method in STATIC:
                    out.append(credentials.method + ' ' + credentials.access_key)
                else:
                    out.append(credentials.method)
            except Exception as error:
                out.append(type(error).__name__)
        print(json.dumps(out))
        """

    static let iniScript = """
        import json, sys
        import botocore.configloader
        out = []
        for path in json.load(sys.stdin):
            try:
                parsed = botocore.configloader.raw_config_parse(path)
                out.append(json.dumps(parsed, sort_keys=True, separators=(',', ':')))
            except Exception:
                out.append('error')
        print(json.dumps(out))
        """

    /// Runs `script` with `input` as JSON on standard input; returns the JSON list it prints.
    static func run(_ script: String, input: Any) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let list = try JSONSerialization.jsonObject(with: output) as? [String]
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return list
    }
}
