import AWSClient
import Foundation
import Testing

struct TrustPolicyTests {
    @Test func copiesFormattedDifferentlyCompareEqual() throws {
        let pretty = ResponseDecodingTests.mfaTrustPolicyEncoded
        let compactReordered =
            "%7B%22Statement%22%3A%5B%7B%22Condition%22%3A%7B%22NumericLessThan%22%3A%7B%22aws%3AMultiFactorAuthAge"
            + "%22%3A3600%7D%2C%22Bool%22%3A%7B%22aws%3AMultiFactorAuthPresent%22%3Atrue%7D%7D%2C%22Principal%22%3A"
            + "%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot%22%7D%2C%22Effect%22%3A%22Allow%22%2C"
            + "%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%2C%22Version%22%3A%222012-10-17%22%7D"
        let first = try TrustPolicy.canonicalize(urlEncoded: pretty)
        let second = try TrustPolicy.canonicalize(urlEncoded: compactReordered)
        #expect(first == second)
        #expect(first == ResponseDecodingTests.mfaTrustPolicyCanonical)
    }

    @Test func aDifferentPolicyStaysDifferent() throws {
        let a = try TrustPolicy.canonicalize(urlEncoded: #"{"Statement":[{"Effect":"Allow"}]}"#)
        let b = try TrustPolicy.canonicalize(urlEncoded: #"{"Statement":[{"Effect":"Deny"}]}"#)
        #expect(a != b)
    }

    @Test func plainJSONIsAcceptedAndPercentSignsInsideStay() throws {
        let policy = #"{ "Sid": "100%25 sure", "Version": "2012-10-17" }"#
        #expect(
            try TrustPolicy.canonicalize(urlEncoded: policy)
                == #"{"Sid":"100%25 sure","Version":"2012-10-17"}"#)
    }

    @Test func stringsAreEscapedOnlyWhereJSONRequires() throws {
        let encoded = "%7B%22a%22%3A%22%C3%A9%2F%5C%22%5Cn%5Cu0001%22%2C%22n%22%3A%5B1.5%2Cnull%2Cfalse%5D%7D"
        #expect(
            try TrustPolicy.canonicalize(urlEncoded: encoded) == #"{"a":"é/\"\n\u0001","n":[1.5,null,false]}"#
        )
    }

    @Test func keysSortByTheirBytes() throws {
        let policy = #"{"b":1,"B":2,"a":{"z":0,"Z":1},"_":3}"#
        #expect(try TrustPolicy.canonicalize(urlEncoded: policy) == #"{"B":2,"_":3,"a":{"Z":1,"z":0},"b":1}"#)
    }

    @Test func notJSONIsAnError() {
        let error = #expect(throws: TrustPolicy.DecodingError.self) {
            try TrustPolicy.canonicalize(urlEncoded: "%3Cpolicy%3E")
        }
        #expect(error?.excerpt == "<policy>")
    }
}

struct WireFormatTests {
    @Test(arguments: [
        ("2024-05-01T12:30:45Z", 1_714_566_645.0),
        ("2024-05-01T12:30:45.123456Z", 1_714_566_645.123456),
        ("2024-05-01T12:30:45.5+02:00", 1_714_559_445.5),
        ("2024-05-01T12:30:45-00:30", 1_714_568_445.0),
        ("1970-01-01T00:00:00Z", 0),
        ("2000-02-29T23:59:59Z", 951_868_799),
    ])
    func iso8601(_ text: String, _ seconds: Double) throws {
        let date = try #require(AWSTimestamp.parseISO8601(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: [
        "", "2024-05-01", "2024-05-01T12:30:45", "2024-13-01T00:00:00Z", "2024-05-01T12:30:45.Z",
        "2024-05-01T12:30:45Zjunk", "yesterday",
    ])
    func notTimestamps(_ text: String) {
        #expect(AWSTimestamp.parseISO8601(text) == nil)
    }

    @Test func days() throws {
        let day = try #require(AWSTimestamp.parseDay("2024-02-29"))
        #expect(AWSTimestamp.formatDay(day) == "2024-02-29")
        #expect(AWSTimestamp.formatDay(TestCore.date) == "2024-05-01")
        #expect(AWSTimestamp.formatISO8601(TestCore.date) == "2024-05-01T12:30:45Z")
        #expect(AWSTimestamp.parseDay("2024-2-29") == nil)
    }

    @Test func xmlTreeDecodesEntitiesAndCDATA() throws {
        let xml = """
            <?xml version="1.0"?>
            <R a="1"><Msg>a &lt;b&gt; &amp; &quot;c&quot;</Msg><C><![CDATA[<raw>]]></C><L><member>x</member>\
            <member>y</member></L><Empty/></R>
            """
        let root = try XMLTreeParser.parse(Data(xml.utf8))
        #expect(root.name == "R" && root.attributes["a"] == "1")
        #expect(root.string("Msg") == #"a <b> & "c""#)
        #expect(root.string("C") == "<raw>")
        #expect(root.members("L").map(\.text) == ["x", "y"])
        #expect(root.members("Empty").isEmpty && root.members("Missing").isEmpty)
    }

    @Test func malformedXMLThrows() {
        #expect(throws: XMLTreeParser.ParseError.self) {
            try XMLTreeParser.parse(Data("<a><b></a>".utf8))
        }
    }

    @Test func queryParametersEncodeLikeAForm() {
        var parameters = QueryParameters()
        parameters.set("Name", "a b+c=d&e/f~g_h.i-j")
        parameters.set("Unicode", "é✓")
        parameters.set("Flag", true)
        parameters.set("Missing", nil as String?)
        parameters.setList("Ids", ["x", "y"])
        #expect(
            parameters.formBody(action: "Do", version: "2020-01-01")
                == "Action=Do&Version=2020-01-01&Name=a+b%2Bc%3Dd%26e%2Ff~g_h.i-j&Unicode=%C3%A9%E2%9C%93"
                + "&Flag=true&Ids.member.1=x&Ids.member.2=y")
    }

    @Test func arnParts() {
        let arn = "arn:aws:cloudwatch:eu-west-1:333333333333:alarm:name:with:colons"
        #expect(AWSARN.accountId(of: arn) == "333333333333")
        #expect(AWSARN.region(of: arn) == "eu-west-1")
        #expect(AWSARN.resource(of: arn) == "alarm:name:with:colons")
        #expect(AWSARN.region(of: "arn:aws:iam::123456789012:role/x") == nil)
        #expect(AWSARN.accountId(of: "not-an-arn") == nil)
    }
}
