"""Start-up: `audit --help` and `import audit` against `python -c pass`, same run.

    python benchmarks/bench_startup.py [--repeat N]

Prints the median wall time of each command over N runs taken in turns, and what each
adds to a bare interpreter's start. The goal (issue 18): both under 0.3 s here.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import audit": [sys.executable, "-c", "import audit"],
    "audit --help": [sys.executable, "-m", "audit", "--help"],
    "audit run --help": [sys.executable, "-m", "audit", "run", "--help"],
}


def main() -> int:
    """Print the times; 0 unless a command fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    bare = statistics.median(times["python -c pass"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name}: {median:.3f} s ({median - bare:+.3f} s over python -c pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
