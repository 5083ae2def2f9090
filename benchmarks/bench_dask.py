"""Serial against Dask on two worker processes: extraction to JSONL, and the citation graph.

Usage: ``python benchmarks/bench_dask.py [--messages 10000] [--workers 2] [--partition-mb 0.2]
[--repeat 3]``. The archive of ``tests/test_dask.py`` (resolutions posted whole and again,
quoted and cut short, replies citing them, HTML alternatives, attachments, reading
problems), with ``--messages`` messages in its large mbox, is written to a temporary
folder. Each run is timed from the paths to the result:

- serial, once: the documents of ``resolex.read(paths)`` into a list, and
  ``resolex.citation_graph`` of the list: the cost per message, the memory of a document
  held and of the graph as a value (sizes of the Python objects, summed over what they
  refer to), the size of the graph;
- JSONL, ``--repeat`` rounds of: the serial ``write_jsonl(resolex.read(paths))``; Dask's
  default scheduler for a bag (local processes, one per core); a ``LocalCluster`` of
  ``--workers`` processes of one thread with Dask's worker settings but its statistical
  profiler off; the same with the event loop's tick and the memory and system monitors
  every second too (the settings docs/scale.md recommends);
- the graph on that last kind of cluster: rounds of the serial reading and graph against
  ``citation_graph(read_bag(paths))`` (which extracts: a bag is a recipe); then the bag
  persisted (``client.persist``: extracted once and held by the workers) and its graph
  alone; the workers' peak memory.

The host's speed drifts by a fifth over minutes (other virtual machines), so a speed-up is
taken within a round, serial and Dask one after the other, and the median of the rounds is
the figure. The outputs are checked equal to the serial ones (bytes, and the graph as a
value). Each run says how much CPU its processes used and how much other processes on the
machine used meanwhile (the default scheduler's processes count as others').
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_dask import write_archive  # noqa: E402 (imported once the path is set)

import resolex  # noqa: E402
import resolex.dask as rxd  # noqa: E402
from resolex.graph import CitationGraph  # noqa: E402
from resolex.sources import MAX_BYTES  # noqa: E402
from resolex.sources.mbox import split_mbox  # noqa: E402

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client

MB = 1_000_000
LARGE = "governance-2035.mbox"  # the large archive of write_archive


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux /proc: VmHWM, which a spawned process does not
    inherit, unlike ``ru_maxrss``, which a Dask worker takes from the process that started it)."""
    with open("/proc/self/status", encoding="ascii") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    return kib / 1024


def rss_mb() -> float:
    """This process's resident set size now (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def ready_rss_mb() -> float:
    """Resident set size once resolex has extracted a text (its patterns compiled, its data read)."""
    resolex.extract("The General Assembly,\n\n1. Recalls paragraph 35 of the Tunis Agenda;\n")
    return rss_mb()


def cpu_seconds() -> float:
    """CPU time of this process so far (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_busy_seconds() -> float:
    """CPU time every process on the machine has used (Linux /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        ticks = [int(x) for x in f.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall clock, of the fastest run
    ours: float  # CPU seconds of the processes doing the work, in that run
    others: float  # CPU seconds every other process on the machine used meanwhile


def deep_size(objects: Iterable[object]) -> int:
    """Bytes of the objects and of everything they refer to, each counted once (classes and modules not)."""
    seen: set[int] = set()
    todo = list(objects)
    total = 0
    skip = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, skip):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        todo.extend(gc.get_referents(obj))
    return total


def archive_files(paths: list[Path]) -> list[Path]:
    found = (p for path in paths for p in ([path] if path.is_file() else sorted(path.rglob("*"))))
    return [p for p in found if p.is_file()]


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def describe_run() -> None:
    changed = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    dirty = f", with uncommitted changes to {len(changed.splitlines())} files of src/" if changed else ""
    print(f"{datetime.date.today().isoformat()}, commit {git('rev-parse', '--short', 'HEAD')}{dirty}")
    versions = (
        f"Python {platform.python_version()}, Dask {version('dask')}, distributed {version('distributed')}"
    )
    print(f"{cpu_model()}, {os.cpu_count()} CPUs; {versions}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-mb", type=float, default=0.2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    describe_run()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_archive(root, messages=args.messages)
        files = archive_files(paths)
        size = sum(p.stat().st_size for p in files)
        print(f"archive: {len(files)} files, {size / MB:.1f} MB; its large mbox {args.messages:,} messages")
        large = root / LARGE
        with large.open("rb") as f:
            start = time.perf_counter()
            count = sum(1 for _ in split_mbox(f, MAX_BYTES))
            took = time.perf_counter() - start
        speed = large.stat().st_size / MB / took
        print(
            f"split_mbox of the large mbox ({count:,} messages), the planning pass's work: {speed:.0f} MB/s"
        )
        bench = Bench(root, paths, rxd.read_bag(paths, partition_bytes=int(args.partition_mb * MB)), args)
        bench.serial_figures()
        bench.jsonl_rounds()
        bench.graph_rounds()


def timed(run: Callable[[], object], ours: Callable[[], float]) -> Timed:
    """One run: its wall-clock time, the CPU time of the processes doing the work, and everyone else's."""
    busy, mine = machine_busy_seconds(), ours()
    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    used = ours() - mine
    return Timed(took, used, machine_busy_seconds() - busy - used)


def show(t: Timed, base: float | None = None) -> str:
    ratio = f", {base / t.seconds:.2f}x" if base else ""
    return f"{t.seconds:.1f} s{ratio} (CPU {t.ours:.1f} s, others' {t.others:.1f} s)"


# Worker settings (docs/scale.md, "On a cluster"): Dask's statistical profiler off in both;
# then the event loop's tick and the memory and system monitors every second, not every
# 20, 100 and 500 ms, so that the worker's event-loop thread takes the GIL from the task
# thread less often.
PROFILER_OFF: dict[str, object] = {"distributed.worker.profile.enabled": False}
QUIET: dict[str, object] = {
    **PROFILER_OFF,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
}


@contextmanager
def cluster(workers: int, config: dict[str, object]) -> Iterator[Client]:
    import dask  # noqa: PLC0415 (optional dependency)
    from distributed import Client, LocalCluster  # noqa: PLC0415 (optional dependency)

    with (
        dask.config.set(config),
        LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as local,
        Client(local) as client,
    ):
        client.run(ready_rss_mb)  # patterns compiled, data read: as in the serial process
        yield client


def cluster_cpu(client: Client) -> float:
    """CPU time used so far by this process (the client and the scheduler) and the workers."""
    workers: dict[str, float] = client.run(cpu_seconds)
    return cpu_seconds() + sum(workers.values())


@dataclass
class Bench:
    """The runs. The machine's speed drifts by a fifth over minutes (other virtual machines on
    the host), so a speed-up is taken within a round, serial and Dask one after the other,
    and the median of the rounds is the figure."""

    root: Path
    paths: list[Path]
    bag: Bag
    args: argparse.Namespace
    expected: bytes = b""
    graph: CitationGraph | None = None
    messages: int = 0

    def serial_jsonl(self) -> Timed:
        took = timed(
            lambda: rxd.write_jsonl(resolex.read(self.paths), self.root / "serial.jsonl"), cpu_seconds
        )
        self.expected = (self.root / "serial.jsonl").read_bytes()
        return took

    def serial_figures(self) -> None:
        rss_ready = ready_rss_mb()
        docs: list[resolex.Document] = []
        reading = timed(lambda: docs.extend(resolex.read(self.paths)), cpu_seconds)
        messages = len({(d.source.path, d.source.message_index) for d in docs if d.source is not None})
        graphs: list[CitationGraph] = []
        linking = timed(lambda: graphs.append(resolex.citation_graph(docs)), cpu_seconds)
        self.graph = graph = graphs[0]
        held = deep_size(docs) / len(docs) / 1000
        per_message = reading.seconds / messages * 1000
        print(f"serial: {messages:,} messages, {len(docs):,} documents read into a list {show(reading)}: "
              f"{per_message:.2f} ms a message; their graph {show(linking)}")  # fmt: skip
        print(f"memory: this process, resolex ready, {rss_ready:.0f} MB; a document held {held:.1f} KB; "
              f"serial peak RSS {peak_rss_mb():.0f} MB")  # fmt: skip
        del docs[:]
        citations = sum(e.count for e in graph.edges)
        json_mb = len(graph.to_json().encode()) / MB
        items = len(graph.nodes) + len(graph.edges)
        print(f"graph: {len(graph.nodes):,} nodes, {len(graph.edges):,} edges, {citations:,} citations; "
              f"{deep_size([graph]) / items / 1000:.2f} KB a node or edge as a value, "
              f"node-link JSON {json_mb:.1f} MB")  # fmt: skip
        self.messages = messages

    def jsonl_rounds(self) -> None:
        """Serial, Dask's default scheduler, and the two LocalClusters, in rounds."""
        workers, out = self.args.workers, self.root / "dask.jsonl"
        print(f"JSONL, {self.bag.npartitions} partitions; each round: serial, then Dask's local processes "
              f"({os.cpu_count()}), then a LocalCluster of {workers} processes of one thread with Dask's "
              "worker settings but the profiler off, then with ticks and monitors every second "
              "too:")  # fmt: skip
        ratios: list[list[float]] = [[], [], []]
        serials = []
        for n in range(self.args.repeat):
            serial = self.serial_jsonl()
            serials.append(serial.seconds)
            local = timed(partial(rxd.to_jsonl, self.bag, out), lambda: 0.0)  # its CPU is in "others'"
            same = [out.read_bytes() == self.expected]
            runs = [local]
            for config in (PROFILER_OFF, QUIET):
                with cluster(workers, config) as client:
                    write = partial(rxd.to_jsonl, self.bag, out, scheduler=client)
                    runs.append(timed(write, partial(cluster_cpu, client)))
                    same.append(out.read_bytes() == self.expected)
            for ratio, run in zip(ratios, runs, strict=True):
                ratio.append(serial.seconds / run.seconds)
            print(f"  round {n + 1}: serial {show(serial)}; local {show(local, serial.seconds)}; "
                  f"profiler off {show(runs[1], serial.seconds)}; ticks 1 s {show(runs[2], serial.seconds)}; "
                  f"identical: {all(same)}")  # fmt: skip
        medians = ", ".join(f"{median(r):.2f}x" for r in ratios)
        print(f"  median speed-ups (local, profiler off, ticks 1 s): {medians}; serial median "
              f"{median(serials):.1f} s, {median(serials) / self.messages * 1000:.2f} ms a message, "
              f"{len(self.expected) / self.messages / 1000:.1f} KB of JSONL a message")  # fmt: skip

    def graph_rounds(self) -> None:
        """The graph with ticks and monitors every second: from the paths in rounds against the serial
        reading and graph, then of the persisted bag; the workers' memory."""
        from distributed import wait  # noqa: PLC0415 (optional dependency)

        with cluster(self.args.workers, QUIET) as client:
            ready = ", ".join(f"{mb:.0f} MB" for mb in client.run(rss_mb).values())
            print(f"graph on a LocalCluster, ticks and monitors 1 s (workers' RSS, resolex ready: {ready}):")
            ours = partial(cluster_cpu, client)
            ratios, found = [], []
            for n in range(max(1, self.args.repeat - 1)):
                serial = timed(lambda: resolex.citation_graph(list(resolex.read(self.paths))), cpu_seconds)
                took = timed(lambda: found.append(rxd.citation_graph(self.bag, scheduler=client)), ours)
                ratios.append(serial.seconds / took.seconds)
                print(f"  round {n + 1}: serial reading and graph {show(serial)}; "
                      f"dask, extraction included, {show(took, serial.seconds)}")  # fmt: skip
            equal = all(g == self.graph for g in found)
            print(f"  median speed-up {median(ratios):.2f}x; equal to the serial graph: {equal}")
            kept: list[Bag] = []

            def persist() -> None:
                bag = client.persist(self.bag)
                wait(bag)
                kept.append(bag)

            held = timed(persist, ours)
            graph_of = partial(rxd.citation_graph, kept[0], scheduler=client)
            runs = [timed(graph_of, ours) for _ in range(self.args.repeat)]
            best = min(runs, key=lambda t: t.seconds)
            print(f"  the bag persisted (extracted and held) {show(held)}; its graph alone, best of "
                  f"{len(runs)}: {show(best)}")  # fmt: skip
            rss = ", ".join(f"{mb:.0f} MB" for mb in client.run(peak_rss_mb).values())
            print(f"  worker peak RSS, the bag persisted: {rss}")


if __name__ == "__main__":
    main()
