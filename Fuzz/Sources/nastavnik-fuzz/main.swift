import Glibc
import CFuzzerDriver
import FuzzEntries

// nastavnik-fuzz TARGET [libFuzzer options and corpus folders]: runs one target of `FuzzEntries.targets`.
let names = FuzzEntries.targets.map(\.name).joined(separator: " ")
guard CommandLine.arguments.count >= 2, let chosen = FuzzEntries.target(named: CommandLine.arguments[1]) else {
    fputs("usage: nastavnik-fuzz TARGET [libFuzzer options] [corpus ...]\ntargets: \(names)\n", stderr)
    exit(2)
}
nonisolated(unsafe) var entry: ([UInt8]) -> Void = chosen.run

// libFuzzer sees the program name and the arguments after the target's name.
var arguments = [CommandLine.unsafeArgv[0]] + (2..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
arguments.append(nil)
var count = CInt(arguments.count - 1)
let status = arguments.withUnsafeMutableBufferPointer { buffer -> CInt in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &argv) { data, size in
        entry(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
exit(status)
