import AWSClient
import Foundation
import OpsDeckHTTP
import Testing

struct PaginationTests {
    let context = AWSOperationContext(service: "Organizations", operation: "ListRoots", region: "us-east-1")

    @Test func collectsEveryPageInOrder() async throws {
        let pages: [String?: ([Int], String?)] = [nil: ([1, 2], "a"), "a": ([3], "b"), "b": ([4, 5], nil)]
        var asked: [String?] = []
        let items = try await Paginator(context: context).collect { token throws(AWSClientError) in
            asked.append(token)
            return pages[token] ?? ([], nil)
        }
        #expect(items == [1, 2, 3, 4, 5])
        #expect(asked == [nil, "a", "b"])
    }

    @Test func anEmptyTokenEndsTheList() async throws {
        var calls = 0
        let items = try await Paginator(context: context).collect { _ throws(AWSClientError) in
            calls += 1
            return ([calls], "")
        }
        #expect(items == [1])
    }

    @Test func aLimitStopsEarly() async throws {
        var calls = 0
        let items = try await Paginator(context: context).collect(limit: 3) { _ throws(AWSClientError) in
            calls += 1
            return ([calls * 10, calls * 10 + 1], "next-\(calls)")
        }
        #expect(items == [10, 11, 20])
        #expect(calls == 2)
    }

    @Test func aRepeatedTokenFailsInsteadOfLooping() async throws {
        var calls = 0
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await Paginator(context: context).collect { _ throws(AWSClientError) in
                calls += 1
                return ([calls], calls == 1 ? "same" : "same")
            }
        }
        guard case .paginationDidNotEnd(let failed, let pages, let reason) = error else {
            Issue.record("expected paginationDidNotEnd, got \(String(describing: error))")
            return
        }
        #expect(failed.operation == "ListRoots")
        #expect(pages == 2)
        #expect(reason.contains("sent before"))
        #expect(calls == 2)
    }

    @Test func thePageLimitBoundsAnEndlessList() async throws {
        var calls = 0
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await Paginator(context: context, maxPages: 5).collect { _ throws(AWSClientError) in
                calls += 1
                return ([calls], "token-\(calls)")
            }
        }
        #expect(calls == 5)
        #expect(String(describing: error).contains("more than 5 pages"))
        #expect(Paginator.defaultMaxPages == 10_000)
    }

    @Test func aServiceRepeatingItsTokenIsCaughtEndToEnd() async throws {
        let page = HTTPResponse.json(#"{"Roots":[{"Id":"r-1","Name":"Root"}],"NextToken":"stuck"}"#)
        let transport = ScriptedTransport(responses: [page, page, page])
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await OrganizationsClient(core: TestCore.make(transport)).listRoots()
        }
        #expect(transport.requests.count == 2)
        #expect(String(describing: error).contains("Organizations ListRoots"))
    }

    @Test func iamTruncatedWithoutAMarkerIsAnError() async throws {
        let xml = """
            <ListRolesResponse><ListRolesResult><IsTruncated>true</IsTruncated><Roles/></ListRolesResult>
            </ListRolesResponse>
            """
        let transport = ScriptedTransport(responses: [.xml(xml)])
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await IAMClient(core: TestCore.make(transport)).listRoles()
        }
        #expect(String(describing: error).contains("IsTruncated is true but there is no Marker"))
    }

    @Test func executionHistoryCanBeCapped() async throws {
        let page = { (ids: [String], next: String?) -> HTTPResponse in
            let items = ids.map { #"{"pipelineExecutionId":"\#($0)","status":"Succeeded","startTime":1}"# }
            let token = next.map { #","nextToken":"\#($0)""# } ?? ""
            return .json(#"{"pipelineExecutionSummaries":[\#(items.joined(separator: ","))]\#(token)}"#)
        }
        let transport = ScriptedTransport(responses: [page(["e1", "e2"], "n2"), page(["e3", "e4"], "n3")])
        let client = CodePipelineClient(core: TestCore.make(transport))
        let executions = try await client.listPipelineExecutions(pipelineName: "web", limit: 3)
        #expect(executions.map(\.executionId) == ["e1", "e2", "e3"])
        #expect(transport.requests.count == 2)
    }
}
