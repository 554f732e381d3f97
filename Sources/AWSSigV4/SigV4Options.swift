/// The points where services disagree about SigV4.
public struct SigV4Options: Sendable, Equatable {
    /// Remove `.`/`..` segments and duplicate slashes from the path before signing.
    /// True for every service except S3, whose keys may contain them.
    public var normalizePath: Bool
    /// Percent-encode the (already encoded) wire path once more in the canonical request.
    /// True for every service except S3.
    public var doubleEncodePath: Bool
    /// Send and sign `x-amz-content-sha256` with the payload hash (header signing only).
    /// S3 requires it; other services accept it.
    public var addContentSHA256Header: Bool
    /// Sign the session token (the usual way). When false, the token is added after the
    /// signature is computed, as a few services (IoT, some streaming APIs) require.
    public var signSessionToken: Bool

    /// Creates options; the defaults are those of most services.
    public init(
        normalizePath: Bool = true,
        doubleEncodePath: Bool = true,
        addContentSHA256Header: Bool = false,
        signSessionToken: Bool = true
    ) {
        self.normalizePath = normalizePath
        self.doubleEncodePath = doubleEncodePath
        self.addContentSHA256Header = addContentSHA256Header
        self.signSessionToken = signSessionToken
    }

    /// What every service but S3 expects.
    public static let standard = SigV4Options()

    /// What S3 expects: the path signed as sent, and the payload hash in a header.
    public static let s3 = SigV4Options(
        normalizePath: false, doubleEncodePath: false, addContentSHA256Header: true
    )

    /// ``s3`` for the S3 signing names (`s3`, `s3-outposts`, `s3express`), ``standard`` for
    /// the rest.
    public static func recommended(forService service: String) -> SigV4Options {
        ["s3", "s3-outposts", "s3express"].contains(service) ? .s3 : .standard
    }
}
