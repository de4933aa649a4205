#!/usr/bin/env python3
"""The round written by matching-benchmark, solved by scipy for comparison.

Same objective as ExpertMatching.optimal: a served assignment weighs score * (rows + 1) + 1 (so the
total fit comes first and the number served breaks ties), a conflict is forbidden, and each row may
stay without an expert through one dummy column of weight 0 per row.
Prints `scipy: total=<T> served=<N> time_ms=<t>`, the best of 5 solver calls.
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

FORBIDDEN = -1e9  # far below any sum of real weights, so never worth taking


def main(path):
    with open(path) as file:
        rows, columns = (int(n) for n in file.readline().split())
        scores = np.array(file.read().split(), dtype=np.int64).reshape(rows, columns)
    allowed = scores >= 0
    weights = np.full((rows, columns + rows), FORBIDDEN)
    weights[:, :columns] = np.where(allowed, scores * (rows + 1) + 1, FORBIDDEN)
    weights[:, columns:] = 0.0

    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        row_index, column_index = linear_sum_assignment(weights, maximize=True)
        best = min(best, time.perf_counter() - start)

    real = column_index < columns
    used = scores[row_index[real], column_index[real]]
    if (used < 0).any():
        sys.exit("scipy used a forbidden cell")
    print(f"scipy: total={int(used.sum())} served={int(real.sum())} time_ms={best * 1000:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
