import Foundation
import Testing

@testable import BreakGlass

@Suite struct ProfileWriterTests {
    static let existing = """
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = keep-me

        [bg]
        aws_access_key_id = OLD
        aws_secret_access_key = OLD

        [other]
        region = eu-west-1

        """

    @Test func theSectionIsReplacedAndTheRestKept() {
        let text = ProfileWriter.updated(Self.existing, profile: "bg", session: BreakGlassShellTests.session)
        #expect(
            text.contains(
                "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = keep-me\n\n[bg]\n"))
        #expect(
            text.contains("aws_access_key_id = ASIATESTKEY0000WXYZ\naws_secret_access_key = secret'key\n"))
        #expect(text.contains("aws_session_token = token-value\n\n[other]\nregion = eu-west-1\n"))
        #expect(!text.contains("OLD"))
    }

    @Test func aNewSectionIsAppended() {
        let text = ProfileWriter.updated(
            "[default]\nregion = x", profile: "bg", session: BreakGlassShellTests.session)
        #expect(text.hasPrefix("[default]\nregion = x\n\n[bg]\n# break-glass "))
        #expect(text.hasSuffix("aws_session_token = token-value\n"))
    }

    @Test func theFileIsPrivateAndNamesAreChecked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = ProfileWriter(path: directory.path + "/aws/credentials")
        try writer.write(profile: "bg", session: BreakGlassShellTests.session)
        let attributes = try FileManager.default.attributesOfItem(atPath: writer.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: writer.path, encoding: .utf8).contains("[bg]"))
        #expect(throws: ProfileWriterError.invalidName("bad]name")) {
            try writer.write(profile: "bad]name", session: BreakGlassShellTests.session)
        }
    }
}
