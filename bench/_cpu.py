"""CPU seconds each part of a benchmark's stack spends while it runs, read from /proc (Linux).

A thread samples every process twice a second and sorts it into a part by a rule; a process
that starts during the run counts from zero, one that ends counts up to its last sample."""

import os
import threading
import time
from collections.abc import Callable

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> tuple[str, int, float] | None:
    """(command name, process group, CPU seconds) of one process."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            text = file.read()
    except OSError:
        return None
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    return name, int(fields[2]), (int(fields[11]) + int(fields[12])) / TICKS


def _machine_busy() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot."""
    with open("/proc/stat") as file:
        values = [int(v) for v in file.readline().split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / TICKS, sum(values) / TICKS


class CpuMeter:
    def __init__(self, part_of: Callable[[int, str, int], str | None]):
        """`part_of(pid, name, process_group)` names the part a process belongs to, or None."""
        self.part_of = part_of
        self.start: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._sample(first=True)
        self.machine_start = _machine_busy()
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()
        busy, total = _machine_busy()
        self.machine_busy = busy - self.machine_start[0]
        self.machine_total = total - self.machine_start[1]
        self.elapsed = time.monotonic() - self.started

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _sample(self, first: bool = False) -> None:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            stat = _stat(entry)
            if stat is None:
                continue
            name, group, seconds = stat
            pid = int(entry)
            part = self.part_of(pid, name, group)
            if part is None:
                continue
            if pid not in self.last:
                self.start[pid] = seconds if first else 0.0
            self.last[pid] = (part, seconds)

    def by_part(self) -> dict[str, float]:
        parts: dict[str, float] = {}
        for pid, (part, seconds) in self.last.items():
            parts[part] = parts.get(part, 0.0) + seconds - self.start[pid]
        return parts
