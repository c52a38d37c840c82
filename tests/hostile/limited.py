"""Run `vbparse ARGS…` under an address-space limit and report its peak memory.

    python3 limited.py LIMIT_BYTES PEAK_FILE ARGS…

The limit (RLIMIT_AS) holds for this process and the tools it starts; the peak resident size
of this process (VmHWM: ru_maxrss would carry the forking parent's size over the exec) and of
its waited-for children (kB, the larger) is written to PEAK_FILE.
"""

from __future__ import annotations

import resource
import sys


def main() -> int:
    limit, peak_file, *args = sys.argv[1:]
    resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
    from vbparse.cli import main as vbparse

    try:
        code = vbparse(args)
    finally:
        own = _high_water_kb()
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        with open(peak_file, "w") as f:
            f.write(str(max(own, kids)))
    return code


def _high_water_kb() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    sys.exit(main())
