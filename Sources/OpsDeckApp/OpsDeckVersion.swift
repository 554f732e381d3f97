/// The version `opsdeck --version` prints.
public enum OpsDeckVersion {
    public static let current = "0.1.0"
}
