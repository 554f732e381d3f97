import Foundation

extension AWSClientCore {
    /// Calls a query-protocol operation and returns the `<ActionResult>` element (or the
    /// root, for answers without one).
    /// - Throws: `AWSClientError`; `.invalidResponse` when the answer is not XML.
    public func query(
        _ service: AWSService, action: String, parameters: QueryParameters = QueryParameters(),
        signed: Bool = true
    ) async throws(AWSClientError) -> XMLNode {
        guard case .query(let version) = service.wireProtocol else {
            throw .invalidConfiguration(
                "\(service) does not speak the query protocol; \(action) cannot be sent.")
        }
        let body = Data(parameters.formBody(action: action, version: version).utf8)
        let response = try await send(service, operation: action, body: body, signed: signed)
        let root: XMLNode
        do {
            root = try XMLTreeParser.parse(response.body)
        } catch {
            throw .invalidResponse(
                context: context(service, operation: action), reason: error.description,
                requestId: AWSErrorDecoder.requestId(response))
        }
        return root.child("\(action)Result") ?? root
    }

    /// Calls a JSON-protocol operation with `input` and decodes the answer as `Output`.
    /// The body is decoded as JSON whatever `Content-Type` says.
    /// - Throws: `AWSClientError`; `.invalidResponse` when the answer does not decode.
    public func json<Input: Encodable, Output: Decodable>(
        _ service: AWSService, operation: String, input: Input, output: Output.Type = Output.self
    ) async throws(AWSClientError) -> Output {
        guard case .json = service.wireProtocol else {
            throw .invalidConfiguration(
                "\(service) does not speak a JSON protocol; \(operation) cannot be sent.")
        }
        let body: Data
        do {
            body = try AWSJSONCoding.encoder().encode(input)
        } catch {
            throw .invalidConfiguration("\(service) \(operation): the request could not be encoded: \(error)")
        }
        let response = try await send(service, operation: operation, body: body)
        let data = response.body.isEmpty ? Data("{}".utf8) : response.body
        do {
            return try AWSJSONCoding.decoder().decode(Output.self, from: data)
        } catch {
            throw .invalidResponse(
                context: context(service, operation: operation), reason: AWSJSONCoding.describe(error),
                requestId: AWSErrorDecoder.requestId(response))
        }
    }
}
