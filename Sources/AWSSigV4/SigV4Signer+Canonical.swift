import Foundation

/// The canonical request: the parts of a request that SigV4 signs, in a fixed form.
extension SigV4Signer {
    /// The canonical request text with the signed header list it was built with.
    struct Canonical: Equatable {
        let text: String
        let signedHeaders: String
    }

    /// A request with the signer's additions in place, and its canonical form.
    struct PreparedHeaderSigning {
        let request: SigV4Request
        let added: [SigV4Headers.Field]
        let canonical: Canonical
    }

    /// A request with the signed query items in place, and its canonical form.
    struct PreparedPresigning {
        let request: SigV4Request
        let addedQuery: [SigV4QueryItem]
        let canonical: Canonical
    }

    /// The path line of the canonical request: normalized and encoded again unless the
    /// options (S3) say to sign the wire path as it is.
    public func canonicalPath(_ wirePath: String) -> String {
        var path = wirePath.isEmpty ? "/" : wirePath
        if options.normalizePath {
            path = AWSURIEncoding.normalizePath(path)
        }
        if options.doubleEncodePath {
            path = AWSURIEncoding.encode(path, keepingSlash: true)
        }
        return path
    }

    /// The query line of the canonical request: every name and value encoded by the AWS
    /// rule, sorted by encoded name and then encoded value (byte order), joined by `&`.
    public static func canonicalQueryString(_ items: [SigV4QueryItem]) -> String {
        items
            .map { (name: AWSURIEncoding.encode($0.name), value: AWSURIEncoding.encode($0.value)) }
            .sorted { lhs, rhs in
                if lhs.name != rhs.name {
                    return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
                }
                return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
            }
            .map { $0.name + "=" + $0.value }
            .joined(separator: "&")
    }

    /// The canonical header block and the signed header list.
    ///
    /// Names are lowercased and sorted; the values of a repeated name are joined by `,` in
    /// sending order; each value is trimmed and its whitespace runs (folded lines included)
    /// become one space. Names in ``unsignedHeaderNames`` and `excluding` are left out.
    /// - Returns: the lines `name:value`, each ending in a newline, and `a;b;c`.
    public static func canonicalHeaders(
        _ headers: SigV4Headers, excluding: Set<String> = []
    ) -> (block: String, signedHeaders: String) {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for field in headers {
            let name = field.name.lowercased()
            if unsignedHeaderNames.contains(name) || excluding.contains(name) { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(trimmedHeaderValue(field.value))
        }
        let names = order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let block = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    /// Trims a header value and collapses each run of whitespace inside it to one space.
    static func trimmedHeaderValue(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Joins the six parts of a canonical request.
    func canonical(
        _ request: SigV4Request, query: [SigV4QueryItem], payloadHash: String, excluding: Set<String>
    ) -> Canonical {
        let headers = Self.canonicalHeaders(request.headers, excluding: excluding)
        let text = [
            request.method,
            canonicalPath(request.path),
            Self.canonicalQueryString(query),
            headers.block,
            headers.signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return Canonical(text: text, signedHeaders: headers.signedHeaders)
    }

    func prepareHeaderSigning(
        _ request: SigV4Request, credentials: AWSCredentials, date: Date
    ) -> PreparedHeaderSigning {
        var request = request
        var added: [SigV4Headers.Field] = []
        // The order of the added headers follows the AWS reference signer (aws-c-auth); it
        // does not affect the signature.
        if let token = credentials.sessionToken {
            added.append(.init(name: HeaderName.securityToken, value: token))
        }
        added.append(.init(name: HeaderName.date, value: AmzDate(date).timestamp))
        let payloadHash = request.payload.hash
        if options.addContentSHA256Header {
            added.append(.init(name: HeaderName.contentSHA256, value: payloadHash))
        }
        request.headers.remove(name: HeaderName.authorization)
        for field in added {
            request.headers.remove(name: field.name)
        }
        for field in added {
            request.headers.add(name: field.name, value: field.value)
        }
        var excluded: Set<String> = []
        if credentials.sessionToken != nil, !options.signSessionToken {
            excluded.insert(HeaderName.securityToken.lowercased())
        }
        let canonical = canonical(
            request, query: request.query, payloadHash: payloadHash, excluding: excluded)
        return PreparedHeaderSigning(request: request, added: added, canonical: canonical)
    }

    func preparePresigning(
        _ request: SigV4Request, credentials: AWSCredentials, date: Date, expires: Int
    ) throws(SigV4Error) -> PreparedPresigning {
        guard (1...Self.maximumPresignExpiry).contains(expires) else {
            throw .expiryOutOfRange(seconds: expires)
        }
        var request = request
        request.query.removeAll { QueryName.all.contains($0.name) }
        let signedHeaders = Self.canonicalHeaders(request.headers).signedHeaders
        // The order follows the AWS reference signer; the canonical form sorts them anyway.
        var added: [SigV4QueryItem] = [
            .init(name: QueryName.algorithm, value: Self.algorithm),
            .init(
                name: QueryName.credential, value: "\(credentials.accessKeyId)/\(credentialScope(date: date))"
            ),
            .init(name: QueryName.date, value: AmzDate(date).timestamp),
            .init(name: QueryName.signedHeaders, value: signedHeaders),
            .init(name: QueryName.expires, value: String(expires)),
        ]
        if let token = credentials.sessionToken, options.signSessionToken {
            added.append(.init(name: QueryName.securityToken, value: token))
        }
        request.query += added
        let canonical = canonical(
            request, query: request.query, payloadHash: request.payload.hash, excluding: [])
        return PreparedPresigning(request: request, addedQuery: added, canonical: canonical)
    }
}
