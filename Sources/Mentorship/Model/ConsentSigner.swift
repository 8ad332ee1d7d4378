/// Who signed a consent to the processing of personal data: the participant, or a legal representative
/// (for a pupil under 14 it must be the representative).
public enum ConsentSigner: String, CaseIterable, Sendable {
    case participant = "self", representative = "representative"

    /// The value written in sheets: «сам», «законный представитель».
    public var russian: String { self == .participant ? "сам" : "законный представитель" }
}
