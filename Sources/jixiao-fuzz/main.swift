import Foundation
import JixiaoCore
import JixiaoFuzzing
import JixiaoIO

/// `jixiao-fuzz [--start K] [--count N] [--dump K]`: runs generated bundles with extreme numbers (``ExtremeBundles``)
/// through the reader and every engine and renderer (``Pipeline``), each accepted year once more with its numbers
/// pushed beyond the reader's ranges every eighth case. A trap ends the process by a signal; `scripts/fuzz.sh` runs many of these in
/// chunks and narrows a crash down to its case. `--dump K` prints case K's bundle.
var start: UInt64 = 0
var count: UInt64 = 10_000
var dump: UInt64?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap(UInt64.init) else {
        FileHandle.standardError.write(Data("usage: jixiao-fuzz [--start K] [--count N] [--dump K]\n".utf8))
        exit(64)
    }
    switch flag {
    case "--start": start = value
    case "--count": count = value
    case "--dump": dump = value
    default:
        FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
        exit(64)
    }
}

if let dump {
    print(ExtremeBundles.bundle(dump).serialized())
    exit(0)
}

var accepted = 0
var violations = 0
let clock = ContinuousClock()
let began = clock.now
for index in start..<(start + count) {
    let bundle = ExtremeBundles.bundle(index)
    let outcome = Pipeline.run(bundle, office: index % 64 == 0)
    if let year = outcome.year {
        accepted += 1
        // Every eighth accepted year once more past the reader's ranges (the arbitrary-precision path is slower).
        if index % 8 == 0 {
            _ = Pipeline.exercise(Pipeline.beyondTheReader(year, seed: index), office: false)
        }
    }
    for violation in outcome.violations {
        violations += 1
        print("case \(index): \(violation)")
    }
}
let seconds = Double((clock.now - began).components.seconds) + Double((clock.now - began).components.attoseconds) / 1e18
print("cases \(start)..<\(start + count): \(count) run, \(accepted) accepted by the reader, \(violations) violations, "
    + String(format: "%.1f s", seconds))
exit(violations == 0 ? 0 : 1)
