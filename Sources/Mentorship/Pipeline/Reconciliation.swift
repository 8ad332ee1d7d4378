/// The row counts that reconcile: every data row read is used, merged into another, or rejected.
public struct Reconciliation: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsUsed = 0
    public var rowsMerged = 0
    public var rowsRejected = 0

    public var holds: Bool { rowsRead == rowsUsed + rowsMerged + rowsRejected }

    mutating func count(_ outcome: RowOutcome) {
        rowsRead += 1
        switch outcome {
        case .used: rowsUsed += 1
        case .merged: rowsMerged += 1
        case .rejected: rowsRejected += 1
        }
    }
}

/// What became of one data row.
public enum RowOutcome: Sendable { case used, merged, rejected }
