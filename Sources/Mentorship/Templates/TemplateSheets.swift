import Foundation

/// The sheets a blank template adds beside the one to fill: the example and the instructions. The inbox reader
/// skips sheets of these names, so an example row is never read as a person.
public enum TemplateSheets {
    public static let example = "Образец"
    public static let instructions = "Инструкция"

    /// Whether a sheet of this name is a template's example or instructions.
    public static func isTemplateSheet(_ name: String) -> Bool {
        let key = TextCleaning.matchKey(name)
        return key == TextCleaning.matchKey(example) || key == TextCleaning.matchKey(instructions)
    }
}
