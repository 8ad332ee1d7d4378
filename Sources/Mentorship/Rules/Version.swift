/// The tool's version, the one string the command line, `report.json` and the consolidated report show.
public enum ToolVersion {
    public static let current = "0.1.0"
}
