extension QRCode.Grid {
    /// ISO/IEC 18004:2015, 7.8.3: how hard the symbol is to scan, by four rules (N1 to N4). The mask
    /// with the lowest penalty is the one used.
    var penalty: Int {
        let rows = (0..<size).map { y in Array(dark[y * size..<(y + 1) * size]) }
        var columns = rows
        for y in 0..<size {
            for x in 0..<size { columns[x][y] = rows[y][x] }
        }
        return (rows + columns).reduce(0) { $0 + linePenalty($1) } + blockPenalty(rows) + balancePenalty
    }

    /// N1 and N3 for one row or column: runs of five or more modules of one colour (3 points, and
    /// 1 more for each module beyond five), and each dark–light–dark–light–dark run of widths
    /// 1:1:3:1:1, which a scanner could take for a finder, with light four times that unit wide on
    /// one side (40 points for each side where it is).
    private func linePenalty(_ line: [Bool]) -> Int {
        var runs: [Int] = []
        var runStart = 0
        // A run ends where the colour changes, or the line does.
        for index in 1...line.count where index == line.count || line[index] != line[index - 1] {
            runs.append(index - runStart)
            runStart = index
        }
        var total = runs.filter { $0 >= 5 }.reduce(0) { $0 + $1 - 2 }
        // The quiet zone is light, and wider than any finder-like pattern's light margin could
        // need: with it, the runs alternate light, dark, …, light, so dark runs have odd indices.
        if line.first == true { runs.insert(0, at: 0) }
        if line.last == true { runs.append(0) }
        runs[0] += size
        runs[runs.count - 1] += size
        for start in stride(from: 1, to: runs.count - 5, by: 2) {
            let unit = runs[start]
            guard runs[start + 1] == unit, runs[start + 2] == 3 * unit,
                  runs[start + 3] == unit, runs[start + 4] == unit else { continue }
            let (before, after) = (runs[start - 1], runs[start + 5])
            if before >= 4 * unit && after >= unit { total += 40 }
            if after >= 4 * unit && before >= unit { total += 40 }
        }
        return total
    }

    /// N2: 3 points for each 2 × 2 square of one colour, overlapping squares counted each.
    private func blockPenalty(_ rows: [[Bool]]) -> Int {
        var total = 0
        for (upper, lower) in zip(rows, rows.dropFirst()) {
            for x in 1..<size where upper[x] == upper[x - 1] && lower[x] == lower[x - 1] && upper[x] == lower[x] {
                total += 3
            }
        }
        return total
    }

    /// N4: 10 points for each 5% step the share of dark modules lies outside 45–55%: the smallest
    /// k for which it lies within (45 − 5k)% to (55 + 5k)%.
    private var balancePenalty: Int {
        let total = dark.count
        let darkCount = dark.filter { $0 }.count
        // |dark / total − 1/2| in units of 5%, rounded up, less one.
        let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
        return 10 * k
    }
}
