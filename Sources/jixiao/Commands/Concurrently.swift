/// Runs `work` for each of `count` items, at most `jobs` at once, starting the next as soon as one finishes;
/// `finished` hears of each result as it comes (a progress bar); the results come back in item order.
func concurrently<T: Sendable>(_ count: Int, jobs: Int, finished: (T) -> Void = { _ in },
                               _ work: @escaping @Sendable (Int) async -> T) async -> [T] {
    await withTaskGroup(of: (Int, T).self) { group in
        var results = [T?](repeating: nil, count: count)
        var next = 0
        func start() {
            guard next < count else { return }
            let index = next
            next += 1
            group.addTask { (index, await work(index)) }
        }
        for _ in 0..<max(1, jobs) { start() }
        while let (index, result) = await group.next() {
            results[index] = result
            finished(result)
            start()
        }
        return results.map { $0! }
    }
}
