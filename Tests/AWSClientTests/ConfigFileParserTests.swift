import Foundation
import Testing

@testable import AWSClient

@Suite("Shared config file parsing")
struct ConfigFileParserTests {
    /// Checked against botocore 1.43's `load_config` on the same text.
    static let sample = """
        # leading comment
        [default]
        region = us-east-1 # not a comment
        Output: json
          ; indented comment

        [profile  dev]
        s3 =
          addressing_style = path

          # comment inside
          Signature_Version = s3v4
        note = first
          second

        [profile "my team"]
        region=eu-west-1
        [prod]
        region = ignored
        [profilex y]
        a = 1
        [profile a b]
        a = 2
        [sso-session corp]
        sso_region = us-east-1
        [services local]
        sts =
          endpoint_url = http://localhost:5000
        [DEFAULT]
        shared = yes
        """

    @Test func sampleReadsAsBotocoreReadsIt() throws {
        let file = try AWSConfigFile.parse(Self.sample, path: "/c")
        let config = AWSSharedConfig(configFile: file, credentialsFile: nil)
        #expect(Set(config.profiles.keys) == ["default", "dev", "my team", "y"])
        let defaults = try #require(config.profiles["default"])
        #expect(defaults["region"] == "us-east-1 # not a comment")
        #expect(defaults["output"] == "json")
        #expect(defaults["shared"] == "yes")
        let dev = try #require(config.profiles["dev"])
        #expect(dev.values["s3"] == .subsection(["addressing_style": "path", "Signature_Version": "s3v4"]))
        #expect(dev["note"] == "first\nsecond")
        #expect(config.profiles["my team"]?.region == "eu-west-1")
        #expect(config.profiles["prod"] == nil)
        #expect(config.ssoSessions["corp"]?["sso_region"] == .string("us-east-1"))
        #expect(
            config.services["local"]?["sts"] == .subsection(["endpoint_url": "http://localhost:5000"]))
    }

    @Test func keepsLineNumbersOfSectionsAndKeys() throws {
        let file = try AWSConfigFile.parse(Self.sample, path: "/c")
        let dev = try #require(file.section("profile  dev"))
        #expect(dev.line == 7)
        #expect(dev.keyLines["s3"] == 8)
        #expect(dev.keyLines["note"] == 13)
        #expect(file.section("DEFAULT") == nil)
    }

    @Test func credentialsFileSectionsAreProfilesVerbatim() throws {
        let file = try AWSConfigFile.parse(
            "[prod]\naws_access_key_id = AKIA1\n[profile x]\na = b\n", path: "/k")
        let config = AWSSharedConfig(configFile: nil, credentialsFile: file)
        #expect(Set(config.profiles.keys) == ["prod", "profile x"])
        #expect(config.credentialsProfiles["prod"]?.accessKeyId == "AKIA1")
    }

    @Test func laterOfDefaultAndProfileDefaultWinsWhole() throws {
        let text = "[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n"
        let config = AWSSharedConfig(
            configFile: try AWSConfigFile.parse(text, path: "/c"), credentialsFile: nil)
        #expect(config.profiles["default"]?.values == ["region": .string("b")])
    }

    @Test func crlfAndTabsAndEmptyValues() throws {
        let text = "[default]\r\n\tregion\t=\teu-central-1  \r\nmfa_serial =\r\n"
        let section = try #require(try AWSConfigFile.parse(text, path: "/c").section("default"))
        #expect(section.values["region"] == .string("eu-central-1"))
        #expect(section.values["mfa_serial"] == .string(""))
    }

    @Test func sectionHeaderTakesTextUpToTheLastBracket() throws {
        let file = try AWSConfigFile.parse("[profile dev] ; trailing\na = 1\n", path: "/c")
        #expect(file.sections.map(\.name) == ["profile dev"])
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var problem: AWSConfigFileError.Problem
        var testDescription: String { "\(problem)" }
    }

    @Test(arguments: [
        BadFile(text: "# hi\n\nregion = x\n", line: 3, problem: .missingSectionHeader),
        BadFile(text: "[a]\nx = 1\n[b]\n[a]\n", line: 4, problem: .duplicateSection("a")),
        BadFile(
            text: "[a]\nRegion = 1\nregion = 2\n", line: 3,
            problem: .duplicateKey(key: "region", section: "a")),
        BadFile(
            text: "[a]\nx = 1\nwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n", line: 3,
            problem: .unrecognizedLine),
        BadFile(text: "[a]\n = 1\n", line: 2, problem: .emptyKey),
        BadFile(
            text: "[a]\ns3 =\n  addressing_style = path\n  oops\n", line: 4, problem: .nestedLineWithoutEquals
        ),
        BadFile(
            text: "[DEFAULT]\nx = 1\nx = 2\n", line: 3, problem: .duplicateKey(key: "x", section: "DEFAULT")),
    ])
    func rejectsWhatTheCLIRejects(_ bad: BadFile) {
        #expect(throws: AWSConfigFileError(path: "/home/u/.aws/config", line: bad.line, problem: bad.problem))
        {
            try AWSConfigFile.parse(bad.text, path: "/home/u/.aws/config")
        }
    }

    @Test func errorNamesFileAndLineButNotTheLine() throws {
        let secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY"
        do {
            _ = try AWSConfigFile.parse("[a]\n\(secret)\n", path: "/home/u/.aws/credentials")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/home/u/.aws/credentials:2: "))
            #expect(!error.description.contains("wJalr"))
        }
    }

    @Test func aSecondDefaultSectionIsNotADuplicate() throws {
        let file = try AWSConfigFile.parse("[DEFAULT]\na = 1\n[x]\n[DEFAULT]\nb = 2\n", path: "/c")
        #expect(file.section("x")?.values == ["a": .string("1"), "b": .string("2")])
    }

    @Test func sectionValuesWinOverDefaultValues() throws {
        let file = try AWSConfigFile.parse("[DEFAULT]\nregion = a\n[x]\nregion = b\n", path: "/c")
        #expect(file.section("x")?.values["region"] == .string("b"))
    }

    @Test func indentedHeaderInsideAValueIsContinuation() throws {
        // configparser treats any deeper-indented line after a key as part of its value.
        let file = try AWSConfigFile.parse("[a]\nnote = x\n  [b]\n", path: "/c")
        #expect(file.sections.map(\.name) == ["a"])
        #expect(file.section("a")?.values["note"] == .string("x\n[b]"))
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect(throws: AWSConfigFileError(path: "/c", line: 0, problem: .notUTF8)) {
            try AWSConfigFile.parse(data: Data([0x5B, 0x61, 0x5D, 0x0A, 0xFF, 0xFE]), path: "/c")
        }
    }

    @Test(arguments: [
        ("profile dev", ["profile", "dev"]),
        ("profile \"my team\"", ["profile", "my team"]),
        ("profile 'a b' c", ["profile", "a b", "c"]),
        ("profile a\\ b", ["profile", "a b"]),
        ("profile \"say \\\"hi\\\"\"", ["profile", "say \"hi\""]),
        ("profile \"\"", ["profile", ""]),
    ])
    func sectionNamesSplitLikeShlex(_ text: String, _ words: [String]) {
        #expect(ShellWords.split(text) == words)
    }

    @Test func unbalancedQuoteIgnoresTheSection() throws {
        #expect(ShellWords.split("profile \"open") == nil)
        let config = AWSSharedConfig(
            configFile: try AWSConfigFile.parse("[profile \"open]\na = 1\n", path: "/c"), credentialsFile: nil
        )
        #expect(config.profiles.isEmpty)
    }
}
