#!/usr/bin/env python3
"""Compares `treaty validate` with peer validators on the same files and schemas.

Run it through `bench/compare.sh` (see bench/README.md). Standard library only.

The peers:

- @sourcemeta/jsonschema (npm, pinned beside ajv-cli), `validate --fast`: a C++ engine, the
  fastest JSON Schema CLI measured here, and the reference of issue 14's speed bars. The npm
  package ships native binaries; the script runs the binary itself, not its Node.js wrapper.
- ajv-cli (npm, pinned in bench/package.json and bench/package-lock.json, installed with
  `npm ci` into bench/node_modules), `--spec=draft2020`; it reads `.yaml` data through js-yaml.
- check-jsonschema (PyPI, pinned in bench/requirements.txt, installed into bench/.venv).
- the parse-only floor, `parse-floor` (tests/src/bin/parse-floor.rs): saphyr-parser's events,
  no value built. Anything `treaty` does beyond it is the cost of building and checking.

Each tool runs RUNS times (check-jsonschema CHECK_RUNS times) under `/usr/bin/time -f '%e %M'`,
the tools of a table taking turns (round i runs each tool once), so that a ratio can be paired:
the median over rounds of one tool's time over the other's in the same round. Every run must
exit 0: the data is valid, so a tool that says otherwise means the comparison is wrong, and the
script stops. Before that, each peer is given one invalid file and must fail on it: a peer that
validates nothing would look fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = BENCH / ".venv"
NODE_BIN = BENCH / "node_modules" / ".bin"
STAMP = ".bench-stamp"
SOURCEMETA_DIR = BENCH / "node_modules" / "@sourcemeta" / "jsonschema"

# ajv options: the schemas are draft 2020-12. schemars writes `format: uint16/uint32/uint64/uint`,
# which ajv does not know; in strict mode (kept on) an unknown format is a schema compile error,
# and ajv-formats does not define these either. In 2020-12 `format` is an annotation unless a
# validator opts into asserting it (treaty does not), and every range these formats imply is also
# written as minimum/maximum, which ajv checks. So: --validate-formats=false, as in
# tests/consumers/js/check.mjs.
AJV_OPTIONS = ["--spec=draft2020", "--validate-formats=false"]
# sourcemeta: --fast compiles the schema for speed rather than for error messages. It does not
# assert `format` unless told to (--format-assertion), like treaty and ajv here. The schemas
# only `$ref` their own `$defs`, so no --resolve is needed.
SOURCEMETA_OPTIONS = ["validate", "--fast"]

# Issue 14's bars (the table of docs/PERFORMANCE.md).
BAR_MS = 20  # the repository's datasets, and one file of it, cold process
BAR_SPLIT = 0.5  # treaty / sourcemeta on the split sets (at least 2x faster)
BAR_SPLIT_MB = 150  # treaty's peak RSS on the 100 MB split set
BAR_SINGLE_SOURCEMETA = 1.2  # treaty / sourcemeta on one 20 MB powers file
BAR_SINGLE_RSS = 15  # treaty's peak RSS over that file's size


class BenchError(Exception):
    """A failure that makes the comparison meaningless (a tool failed, data missing...)."""


def log(message: str) -> None:
    print(f"-- {message}", file=sys.stderr, flush=True)


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false", "no")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    return float(value) if value else default


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_checked(command: list[str], cwd: Path = ROOT, capture: bool = False) -> str:
    """Runs a set-up command (install, build, generate); its failure stops the script."""
    # Without capture, the command's output goes to stderr with the progress lines, so that
    # stdout holds the report alone.
    result = subprocess.run(
        command, cwd=cwd, text=True, stdout=subprocess.PIPE if capture else sys.stderr
    )
    if result.returncode != 0:
        raise BenchError(f"`{shlex.join(command)}` exited {result.returncode}")
    return result.stdout if capture else ""


# ---------------------------------------------------------------------------------------------
# Installs


def sourcemeta_binary() -> Path:
    """The native binary the npm package ships for this machine (as its npm/main.js picks it)."""
    system = {"linux": "linux", "darwin": "darwin"}.get(sys.platform, sys.platform)
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}.get(
        platform.machine().lower(), platform.machine())
    musl = "-musl" if system == "linux" and platform.libc_ver()[0] != "glibc" else ""
    return SOURCEMETA_DIR / "build" / "github-releases" / f"jsonschema-{system}-{arch}{musl}"


def install_node_peers() -> None:
    """npm ci from bench/package-lock.json into bench/node_modules (ajv-cli and
    @sourcemeta/jsonschema), unless already done."""
    lock = BENCH / "package-lock.json"
    stamp = BENCH / "node_modules" / STAMP
    key = sha256(lock) if lock.exists() else ""
    installed = (stamp.exists() and stamp.read_text() == key and (NODE_BIN / "ajv").exists()
                 and sourcemeta_binary().exists())
    if lock.exists() and installed:
        log("ajv-cli, sourcemeta: installed (bench/node_modules matches package-lock.json)")
        return
    if shutil.which("npm") is None:
        raise BenchError("npm is not on PATH; install Node.js 18 or newer")
    start = time.monotonic()
    if lock.exists():
        log("ajv-cli, sourcemeta: npm ci (bench/package-lock.json)")
        run_checked(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH)
    else:
        log("ajv-cli, sourcemeta: npm install (no lock file yet: writes bench/package-lock.json)")
        run_checked(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH)
        key = sha256(lock)
    if not sourcemeta_binary().exists():
        raise BenchError(f"@sourcemeta/jsonschema ships no {sourcemeta_binary().name} "
                         "for this machine; run with SKIP_SOURCEMETA=1")
    stamp.write_text(key)
    log(f"ajv-cli, sourcemeta: installed in {time.monotonic() - start:.0f} s")


def install_check_jsonschema() -> None:
    """pip install -r bench/requirements.txt into bench/.venv, unless already done."""
    requirements = BENCH / "requirements.txt"
    stamp = VENV / STAMP
    key = sha256(requirements)
    if stamp.exists() and stamp.read_text() == key and (VENV / "bin" / "check-jsonschema").exists():
        log("check-jsonschema: installed (bench/.venv matches requirements.txt)")
        return
    start = time.monotonic()
    if not (VENV / "bin" / "python").exists():
        log("check-jsonschema: python3 -m venv bench/.venv")
        run_checked([sys.executable, "-m", "venv", str(VENV)])
    log("check-jsonschema: pip install -r bench/requirements.txt")
    run_checked(
        [
            str(VENV / "bin" / "python"), "-m", "pip", "install", "-q",
            "--disable-pip-version-check", "-r", str(requirements),
        ]
    )
    stamp.write_text(key)
    log(f"check-jsonschema: installed in {time.monotonic() - start:.0f} s")


# ---------------------------------------------------------------------------------------------
# Build and data


def target_dir() -> Path:
    if os.environ.get("CARGO_TARGET_DIR"):
        return Path(os.environ["CARGO_TARGET_DIR"]).resolve()
    try:
        out = run_checked(
            ["cargo", "metadata", "-q", "--format-version", "1", "--no-deps", "--locked"],
            capture=True,
        )
        return Path(json.loads(out)["target_directory"])
    except (BenchError, FileNotFoundError):
        return ROOT / "target"


def build(skip: bool) -> Path:
    # PROFILE=dev uses the debug binaries that `cargo test` already built: CI's smoke run
    # checks the script without paying for a release build (its numbers mean nothing).
    profile = os.environ.get("PROFILE", "release")
    release = target_dir() / ("debug" if profile == "dev" else profile)
    if skip:
        log(f"build: skipped (SKIP_BUILD); using {release}")
    else:
        log(f"build: cargo build --profile {profile} (treaty, gen-dataset, parse-floor)")
        start = time.monotonic()
        run_checked(
            [
                "cargo", "build", "--profile", profile, "--locked", "-p", "treaty-cli",
                "-p", "treaty-tests", "--bin", "treaty", "--bin", "gen-dataset", "--bin",
                "parse-floor",
            ]
        )
        log(f"build: {time.monotonic() - start:.0f} s")
    for name in ("treaty", "gen-dataset", "parse-floor"):
        if not (release / name).exists():
            raise BenchError(f"no {release / name}; build it, or run without SKIP_BUILD")
    return release


def yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def kind_of(path: Path) -> str:
    """The file's `kind:` (a top-level key near its start, in every dataset file)."""
    with path.open(encoding="utf-8", errors="replace") as text:
        for _, line in zip(range(50), text):
            if line.startswith("kind:"):
                return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    raise BenchError(f"{path}: no `kind:` in its first 50 lines")


def by_kind(paths: list[Path]) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for path in paths:
        groups.setdefault(kind_of(path), []).append(path)
    for kind in groups:
        if not (ROOT / "schemas" / f"{kind}.schema.json").exists():
            raise BenchError(f"no schemas/{kind}.schema.json for the files of kind {kind}")
    return dict(sorted(groups.items()))


def size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def generate(
    release: Path, work: Path, name: str, megabytes: str, single: bool, regen: bool
) -> Path:
    """gen-dataset into WORK/NAME, reused when a previous run finished it with the same
    gen-dataset binary (WORK/NAME.ok holds the binary's hash)."""
    out = work / name
    marker = work / f"{name}.ok"
    generator = sha256(release / "gen-dataset")
    if (out.exists() and marker.exists() and not regen
            and marker.read_text().split("\n", 1)[0] == generator):
        log(f"data: reusing {out}")
        return out
    if out.exists():
        shutil.rmtree(out)
    marker.unlink(missing_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    command = [str(release / "gen-dataset"), megabytes, str(out)] + (["--single"] if single else [])
    log(f"data: {shlex.join(command)}")
    start = time.monotonic()
    summary = run_checked(command, capture=True)
    log(f"data: {summary.strip()} ({time.monotonic() - start:.1f} s)")
    marker.write_text(f"{generator}\n{summary}")
    return out


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Tool:
    """One row of a table: a command, the files it reads, how often to run it."""

    name: str
    command: list[str]
    short: str
    inputs: list[Path]
    runs: int
    warmup: int
    skipped: str = ""
    note: str = ""
    key: str = ""  # how the bars find it: "treaty", "sourcemeta", "ajv"
    walls: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return size(self.inputs)

    @property
    def largest(self) -> int:
        return max((p.stat().st_size for p in self.inputs), default=0)


def measure_once(tool: Tool) -> tuple[float, int]:
    """One run under /usr/bin/time: (wall seconds, peak RSS in KiB). Exit code 0 or BenchError."""
    with tempfile.TemporaryDirectory(prefix="treaty-bench-") as tmp:
        times = Path(tmp) / "time"
        stdout = Path(tmp) / "stdout"
        stderr = Path(tmp) / "stderr"
        command = ["/usr/bin/time", "-f", "%e %M", "-o", str(times), *tool.command]
        with stdout.open("w") as out, stderr.open("w") as err:
            start = time.perf_counter()
            code = subprocess.run(command, cwd=ROOT, stdout=out, stderr=err).returncode
            wall = time.perf_counter() - start
        if code != 0:
            tail = "\n".join(
                (stdout.read_text(errors="replace") + stderr.read_text(errors="replace"))
                .splitlines()[-20:]
            )
            raise BenchError(
                f"{tool.name} exited {code} on valid data; the comparison is wrong.\n"
                f"command: {shlex.join(tool.command)}\nlast lines of its output:\n{tail}"
            )
        # /usr/bin/time may prepend "Command exited..." lines; the format line is the last.
        _elapsed, max_rss = times.read_text().strip().splitlines()[-1].split()
        # The wall time is perf_counter's around /usr/bin/time, not its %e: %e has a 10 ms
        # resolution, and the difference (the fork and exec of time itself) is about 1 ms.
        return wall, int(max_rss)


def measure(tools: list[Tool]) -> None:
    """The tools of one table take turns: warm-ups first, then round i runs each tool once
    (a tool with fewer runs drops out), so that the machine's slow spells hit them alike."""
    active = [tool for tool in tools if not tool.skipped]
    for tool in tools:
        if tool.skipped:
            log(f"{tool.name}: skipped ({tool.skipped})")
    for tool in active:
        for _ in range(tool.warmup):
            measure_once(tool)
    for i in range(max((tool.runs for tool in active), default=0)):
        for tool in active:
            if i < tool.runs:
                wall, rss = measure_once(tool)
                tool.walls.append(wall)
                tool.rss_kib.append(rss)
                log(f"{tool.name}: run {i + 1}/{tool.runs}: {wall:.3f} s, {rss / 1024:.0f} MiB")


def paired(tool: Tool, reference: Tool) -> float | None:
    """The median over rounds of tool's wall time over reference's in the same round."""
    pairs = list(zip(tool.walls, reference.walls))
    return statistics.median(a / b for a, b in pairs) if pairs else None


def expect_failure(name: str, command: list[str]) -> None:
    """A peer must fail on an invalid file: one that exits 0 validates nothing."""
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode == 0:
        raise BenchError(f"{name} exits 0 on an invalid file, so it checks nothing: "
                         f"{shlex.join(command)}")
    log(f"{name}: fails on an invalid file, as it must (exit {result.returncode})")


# ---------------------------------------------------------------------------------------------
# Report


def mb(n: float) -> str:
    return f"{n / 1e6:.2f}"


def human(n: float) -> str:
    """A size in MB, or in kB below 0.1 MB."""
    return f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def table(title: str, description: list[str], tools: list[Tool], reference: Tool) -> list[str]:
    lines = [f"### {title}", "", *description, ""]
    lines.append(
        "| tool | command (short) | wall median (s) | MB/s | peak RSS (MB) | RSS / largest file "
        "| paired ratio to treaty | runs |"
    )
    lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for tool in tools:
        command = f"`{tool.short}`"
        if tool.skipped:
            lines.append(
                f"| {tool.name} | {command} | — | — | — | — | — | skipped: {tool.skipped} |"
            )
            continue
        wall = statistics.median(tool.walls)
        rss = statistics.median(tool.rss_kib) * 1024
        ratio = paired(tool, reference)
        ratio = f"{ratio:.2f}×" if ratio is not None else "—"
        largest = tool.largest
        rss_ratio = f"{rss / largest:.1f}×" if largest else "—"
        spread = f"{min(tool.walls):.3f}–{max(tool.walls):.3f} s" if len(tool.walls) > 1 else ""
        runs = f"{len(tool.walls)}" + (f" ({spread})" if spread else "")
        if tool.note:
            runs += f"; {tool.note}"
        lines.append(
            f"| {tool.name} | {command} | {wall:.3f} | {tool.bytes / 1e6 / wall:.1f} | {mb(rss)} "
            f"| {rss_ratio} | {ratio} | {runs} |"
        )
    lines.append("")
    return lines


def versions(release: Path, with_sourcemeta: bool, with_ajv: bool, with_check: bool) -> list[str]:
    def out(command: list[str]) -> str:
        try:
            result = subprocess.run(command, cwd=ROOT, text=True, capture_output=True)
            return (result.stdout or result.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    def package_version(path: Path) -> str:
        try:
            return json.loads(path.read_text())["version"]
        except (OSError, KeyError, ValueError):
            return "?"

    lock = (ROOT / "Cargo.lock").read_text()
    saphyr = "?"
    marker = 'name = "saphyr-parser"\nversion = "'
    if marker in lock:
        saphyr = lock.split(marker, 1)[1].split('"', 1)[0]
    modules = BENCH / "node_modules"
    lines = [
        f"- treaty: `{out([str(release / 'treaty'), '--version'])}` ({os.environ.get('PROFILE', 'release')} build), "
        f"{out(['rustc', '--version'])}",
        f"- parse-floor: saphyr-parser {saphyr}",
    ]
    if with_sourcemeta:
        lines.append(
            f"- @sourcemeta/jsonschema {package_version(SOURCEMETA_DIR / 'package.json')} "
            f"(`{out([str(sourcemeta_binary()), '--version'])}`, its native "
            f"{sourcemeta_binary().name}, run directly)"
        )
    if with_ajv:
        lines.append(
            f"- ajv-cli {package_version(modules / 'ajv-cli' / 'package.json')} "
            f"(ajv {package_version(modules / 'ajv' / 'package.json')}, "
            f"js-yaml {package_version(modules / 'js-yaml' / 'package.json')}), "
            f"Node.js {out(['node', '--version'])}"
        )
    if with_check:
        lines.append(
            f"- {out([str(VENV / 'bin' / 'check-jsonschema'), '--version'])} "
            f"({out([str(VENV / 'bin' / 'python'), '--version'])})"
        )
    return lines


def load_average() -> str:
    """1, 5 and 15 minute load averages, as `uptime` prints them: other work on the machine."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, text=True, capture_output=True
    ).stdout.strip() or "?"
    return [
        f"- date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
        f"{memory} memory, {platform.system()} {platform.release()}",
        f"- repository: {commit}",
    ]


# ---------------------------------------------------------------------------------------------
# Main


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Every option can also be set by the environment variable in capitals "
        "(RUNS=3, SIZES='1 10', SKIP_BUILD=1...); flags win.",
    )
    parser.add_argument("--smoke", action="store_true", default=env_flag("SMOKE"),
                        help="tiny data (1 MB single file, 1 MB split), one run each: a CI check "
                        "that the script works, not a measurement")
    parser.add_argument("--runs", type=int, default=env_int("RUNS", 5),
                        help="timed runs of each fast tool (default 5)")
    parser.add_argument("--check-runs", type=int, default=env_int("CHECK_RUNS", 1),
                        help="timed runs of check-jsonschema, which is slow (default 1)")
    parser.add_argument("--warmup", type=int, default=env_int("WARMUP", 1),
                        help="untimed runs before the timed ones, except for check-jsonschema "
                        "(default 1)")
    parser.add_argument("--sizes", default=os.environ.get("SIZES", "10 100"),
                        help="sizes in MB of the split data sets (default '10 100', the "
                        "issue's bars)")
    parser.add_argument("--single-mb", default=os.environ.get("SINGLE_MB", "20"),
                        help="size in MB of the single-file data set (default 20; 0 skips it)")
    parser.add_argument("--check-max-mb", type=float, default=env_float("CHECK_MAX_MB", 25),
                        help="skip check-jsonschema where it would read more than this many MB "
                        "(default 25: it runs at about 0.5 MB/s, so the 100 MB split is skipped)")
    parser.add_argument("--skip-build", action="store_true", default=env_flag("SKIP_BUILD"),
                        help="use the release binaries as they are")
    parser.add_argument("--skip-check-jsonschema", action="store_true",
                        default=env_flag("SKIP_CHECK_JSONSCHEMA"), help="no check-jsonschema")
    parser.add_argument("--skip-ajv", action="store_true", default=env_flag("SKIP_AJV"),
                        help="no ajv-cli")
    parser.add_argument("--skip-sourcemeta", action="store_true",
                        default=env_flag("SKIP_SOURCEMETA"), help="no @sourcemeta/jsonschema")
    parser.add_argument("--regen", action="store_true", default=env_flag("REGEN"),
                        help="regenerate the data even if WORK holds it")
    parser.add_argument("--work", type=Path, default=None,
                        help="data directory (default: WORK or <cargo target>/bench-data)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the report as well (default: WORK/compare.md, "
                        "WORK/compare-smoke.md with --smoke)")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.single_mb = "1", "1"
        args.runs, args.check_runs, args.warmup = 1, 1, 0
    if args.runs < 1 or args.check_runs < 1:
        parser.error("RUNS and CHECK_RUNS must be at least 1")
    return args


@dataclass
class Section:
    key: str  # how the bars find it: "datasets", "one-file", "split-10", "single"...
    title: str
    description: list[str]
    tools: list[Tool]
    load: str = ""  # the load average when its measuring began and ended

    def tool(self, key: str) -> Tool | None:
        return next((t for t in self.tools if t.key == key and t.walls), None)


def bars(sections: dict[str, Section], sizes: list[str], single_mb: str) -> list[str]:
    """Issue 14's bars, each with what this run measured and whether it is met."""
    rows: list[tuple[str, str, str, str]] = []

    def seconds(tool: Tool) -> float:
        return statistics.median(tool.walls)

    def rss_mb(tool: Tool) -> float:
        return statistics.median(tool.rss_kib) * 1024 / 1e6

    def verdict(ok: bool) -> str:
        return "pass" if ok else "**FAIL**"

    for key, workload in (("datasets", "the repository's datasets, cold process"),
                          ("one-file", "one file of the repository checked against its "
                           "dataset (`datasets/powers/domestic.yaml`)")):
        treaty = sections[key].tool("treaty") if key in sections else None
        bar = f"at most {BAR_MS} ms" + (", exit 0" if key == "one-file" else "")
        if treaty is None:
            rows.append((workload, bar, "not measured", "—"))
            continue
        ms = seconds(treaty) * 1000
        exit_note = ", exit 0" if key == "one-file" else ""  # any other exit stops the script
        rows.append((workload, bar, f"{ms:.1f} ms{exit_note}", verdict(ms <= BAR_MS)))

    for megabytes in ("100", "10"):
        key = f"split-{megabytes}"
        workload = f"{megabytes} MB split set (193 states), all checks"
        bar = "at least 2x faster than sourcemeta `--fast`" + (
            f", at most {BAR_SPLIT_MB} MB" if megabytes == "100" else "")
        section = sections.get(key)
        treaty = section.tool("treaty") if section else None
        sourcemeta = section.tool("sourcemeta") if section else None
        if treaty is None or sourcemeta is None:
            why = "not measured" + ("" if megabytes in sizes else f" (SIZES={' '.join(sizes)})")
            rows.append((workload, bar, why, "—"))
            continue
        ratio = paired(treaty, sourcemeta)
        measured = (f"{seconds(treaty):.3f} s, {rss_mb(treaty):.0f} MB; sourcemeta "
                    f"{seconds(sourcemeta):.3f} s, {rss_mb(sourcemeta):.0f} MB; paired ratio "
                    f"{ratio:.2f}")
        ok = ratio <= BAR_SPLIT
        if megabytes == "100":
            ok = ok and rss_mb(treaty) <= BAR_SPLIT_MB
        rows.append((workload, bar, measured, verdict(ok)))

    # The bar is set for a 20 MB file; SINGLE_MB=0 measures none.
    measured_single = single_mb not in ("", "0")
    workload = f"one {single_mb if measured_single else 20} MB powers file"
    bar = (f"not slower than ajv-cli, at most {BAR_SINGLE_SOURCEMETA}x sourcemeta `--fast`; "
           f"memory at most {BAR_SINGLE_RSS}x the file")
    section = sections.get("single")
    treaty = section.tool("treaty") if section else None
    sourcemeta = section.tool("sourcemeta") if section else None
    ajv = section.tool("ajv") if section else None
    if treaty is None or sourcemeta is None or ajv is None:
        why = "not measured" + ("" if measured_single else f" (SINGLE_MB={single_mb})")
        rows.append((workload, bar, why, "—"))
    else:
        big = max(treaty.inputs, key=lambda p: p.stat().st_size).stat().st_size
        to_sourcemeta, to_ajv = paired(treaty, sourcemeta), paired(treaty, ajv)
        memory = rss_mb(treaty) * 1e6 / big
        measured = (f"{seconds(treaty):.3f} s, {rss_mb(treaty):.0f} MB ({memory:.1f}x the "
                    f"file); sourcemeta {seconds(sourcemeta):.3f} s, {rss_mb(sourcemeta):.0f} "
                    f"MB (paired ratio {to_sourcemeta:.2f}); ajv-cli {seconds(ajv):.3f} s "
                    f"(paired ratio {to_ajv:.2f})")
        ok = to_ajv <= 1 and to_sourcemeta <= BAR_SINGLE_SOURCEMETA and memory <= BAR_SINGLE_RSS
        rows.append((workload, bar, measured, verdict(ok)))

    lines = ["### Issue 14's bars", "",
             "Paired ratio: treaty's wall time over the peer's in the same round, median over "
             "the rounds (below 1: treaty is faster). Times are medians, memory is peak RSS.", "",
             "| workload | bar | measured | result |", "| --- | --- | --- | --- |"]
    lines += [f"| {w} | {b} | {m} | {r} |" for w, b, m, r in rows]
    return lines + [""]


def main() -> int:
    args = parse_args()
    started = time.monotonic()
    if not Path("/usr/bin/time").exists():
        raise BenchError("/usr/bin/time (GNU time) is missing: apt-get install time")
    with_sourcemeta = not args.skip_sourcemeta
    with_ajv = not args.skip_ajv
    with_check = not args.skip_check_jsonschema
    if with_ajv or with_sourcemeta:
        install_node_peers()
    if with_check:
        install_check_jsonschema()
    release = build(args.skip_build)
    work = (args.work or (Path(os.environ["WORK"]) if os.environ.get("WORK") else None)
            or target_dir() / "bench-data").resolve()
    out_file = args.out or work / ("compare-smoke.md" if args.smoke else "compare.md")
    treaty = str(release / "treaty")
    floor = str(release / "parse-floor")
    sourcemeta = str(sourcemeta_binary())
    ajv = str(NODE_BIN / "ajv")
    check = str(VENV / "bin" / "check-jsonschema")
    check_max = args.check_max_mb * 1e6

    def treaty_tool(target: Path, files: list[Path], short: str) -> Tool:
        return Tool("treaty", [treaty, "validate", str(target)], short, files, args.runs,
                    args.warmup, key="treaty")

    def floor_tool(files: list[Path], short: str) -> Tool:
        return Tool("parse-floor", [floor, *map(str, files)], short, files, args.runs,
                    args.warmup)

    def sourcemeta_tool(schema: str, files: list[Path], short: str) -> Tool:
        command = [sourcemeta, *SOURCEMETA_OPTIONS, f"schemas/{schema}", *map(str, files)]
        tool = Tool("sourcemeta `--fast`", command, short, files, args.runs, args.warmup,
                    key="sourcemeta")
        if not with_sourcemeta:
            tool.skipped = "SKIP_SOURCEMETA"
        return tool

    def sourcemeta_per_kind(files: list[Path], short: str) -> Tool:
        """Every file, each against its kind's schema: one process per kind, one after the
        other (`sh -c 'A && B && ...'`; the peak RSS is the largest of them)."""
        groups = by_kind(files)
        script = " && ".join(
            shlex.join([sourcemeta, *SOURCEMETA_OPTIONS, f"schemas/{kind}.schema.json",
                        *map(str, paths)])
            for kind, paths in groups.items())
        tool = Tool("sourcemeta `--fast`, every file", ["sh", "-c", script],
                    f"{short} ({len(groups)} kinds: {len(groups)} processes)", files,
                    args.runs, args.warmup)
        if not with_sourcemeta:
            tool.skipped = "SKIP_SOURCEMETA"
        return tool

    def check_tool(schema: str, files: list[Path], short: str) -> Tool:
        command = [check, "--schemafile", f"schemas/{schema}", *map(str, files)]
        tool = Tool("check-jsonschema", command, short, files, args.check_runs, 0)
        if not with_check:
            tool.skipped = "SKIP_CHECK_JSONSCHEMA"
        elif tool.bytes > check_max:
            tool.skipped = (f"{mb(tool.bytes)} MB > CHECK_MAX_MB={args.check_max_mb:g} "
                            "(about 0.5 MB/s)")
        elif args.check_runs < args.runs:
            tool.note = "CHECK_RUNS"
        return tool

    def ajv_tool(schema: str, files: list[Path], short: str) -> Tool:
        dash_d = [arg for path in files for arg in ("-d", str(path))]
        tool = Tool("ajv-cli", [ajv, "validate", *AJV_OPTIONS, "-s", f"schemas/{schema}", *dash_d],
                    short, files, args.runs, args.warmup, key="ajv")
        if not with_ajv:
            tool.skipped = "SKIP_AJV"
        return tool

    # Each peer must fail on an invalid file before its times mean anything.
    valid = ROOT / "datasets" / "powers" / "domestic.yaml"
    invalid = work / "invalid" / "powers" / "domestic.yaml"
    text = valid.read_text()
    if "    obligation: mandatory\n" not in text:
        raise BenchError(f"{valid} has no `obligation: mandatory` to break")
    invalid.parent.mkdir(parents=True, exist_ok=True)
    invalid.write_text(text.replace("    obligation: mandatory\n", "    obligation: 42\n", 1))
    if with_sourcemeta:
        expect_failure("sourcemeta", [sourcemeta, *SOURCEMETA_OPTIONS,
                                      "schemas/powers.schema.json", str(invalid)])
    if with_ajv:
        expect_failure("ajv-cli", [ajv, "validate", *AJV_OPTIONS, "-s",
                                   "schemas/powers.schema.json", "-d", str(invalid)])
    if with_check:
        expect_failure("check-jsonschema", [check, "--schemafile", "schemas/powers.schema.json",
                                            str(invalid)])

    base_files = yaml_files(ROOT / "datasets")
    sections: dict[str, Section] = {}

    sections["datasets"] = Section(
        "datasets",
        f"The repository's datasets: {len(base_files)} files, {human(size(base_files))}",
        ["A cold process each run. `treaty` runs every check, the cross-file ones included; "
         "sourcemeta checks each file against its kind's schema, one process per kind."],
        [
            treaty_tool(ROOT / "datasets", base_files, "treaty validate datasets/"),
            sourcemeta_per_kind(base_files, "jsonschema validate --fast KIND.schema.json FILES"),
            floor_tool(base_files, "parse-floor datasets/**/*.yaml"),
        ],
    )

    one = [valid]
    sections["one-file"] = Section(
        "one-file",
        f"One file of the repository checked against its dataset: {human(size(one))}",
        ["`treaty validate datasets/powers/domestic.yaml`: the file's own diagnostics, its "
         "references resolved against the rest of its dataset (so the dataset is read too), "
         "as an editor or a pre-commit hook runs it; it must exit 0. The peers check the file "
         "against the powers schema alone."],
        [
            treaty_tool(valid, one, "treaty validate datasets/powers/domestic.yaml"),
            sourcemeta_tool("powers.schema.json", one,
                            "jsonschema validate --fast powers.schema.json domestic.yaml"),
            ajv_tool("powers.schema.json", one,
                     "ajv validate --spec=draft2020 -s powers.schema.json -d domestic.yaml"),
            check_tool("powers.schema.json", one,
                       "check-jsonschema --schemafile powers.schema.json domestic.yaml"),
            floor_tool(one, "parse-floor domestic.yaml"),
        ],
    )

    for megabytes in args.sizes.split():
        directory = generate(release, work, f"split-{megabytes}", megabytes, False, args.regen)
        everything = yaml_files(directory)
        assessments = yaml_files(directory / "assessments")
        if not assessments:
            raise BenchError(f"{directory}/assessments holds no .yaml file")
        sections[f"split-{megabytes}"] = Section(
            f"split-{megabytes}",
            f"Split data set, {megabytes} MB: {len(everything)} files, {mb(size(everything))} MB",
            [
                f"`gen-dataset {megabytes} DIR`: the repository's datasets, "
                f"{len(assessments)} assessments ({human(size(assessments))}, largest "
                f"{human(max(p.stat().st_size for p in assessments))})"
                + (" and generated powers files" if (directory / "powers" / "generated-000.yaml")
                   .exists() else "")
                + ". `treaty` and the floor read every file (treaty in parallel, with every "
                "check); the peers read the assessments only, in one invocation each (start-up "
                "paid once), as issue 14's bar counts sourcemeta. The row `sourcemeta, every "
                "file` checks all the files, each against its kind's schema.",
            ],
            [
                treaty_tool(directory, everything, f"treaty validate split-{megabytes}/"),
                sourcemeta_tool("assessment.schema.json", assessments,
                                "jsonschema validate --fast assessment.schema.json "
                                f"assessments/*.yaml (×{len(assessments)})"),
                sourcemeta_per_kind(everything, "jsonschema validate --fast KIND.schema.json "
                                    "FILES"),
                ajv_tool("assessment.schema.json", assessments,
                         "ajv validate --spec=draft2020 -s assessment.schema.json "
                         f"-d assessments/XXX.yaml (×{len(assessments)})"),
                check_tool("assessment.schema.json", assessments,
                           "check-jsonschema --schemafile assessment.schema.json "
                           "assessments/*.yaml"),
                floor_tool(everything, "parse-floor **/*.yaml"),
            ],
        )

    if args.single_mb not in ("", "0"):
        directory = generate(release, work, f"single-{args.single_mb}", args.single_mb, True,
                             args.regen)
        big = directory / "powers" / "generated.yaml"
        everything = yaml_files(directory)
        sections["single"] = Section(
            "single",
            f"One big file: powers/generated.yaml, {mb(big.stat().st_size)} MB",
            [
                f"`gen-dataset {args.single_mb} DIR --single`: the repository's datasets "
                f"({len(base_files)} files, {human(size(base_files))}) plus one powers file. "
                "`treaty` validates the whole directory (it resolves cross-file references); "
                "the peers and the floor read the big file only. The repository's datasets "
                "alone are the first table's treaty row.",
            ],
            [
                treaty_tool(directory, everything, f"treaty validate single-{args.single_mb}/"),
                sourcemeta_tool("powers.schema.json", [big],
                                "jsonschema validate --fast powers.schema.json generated.yaml"),
                ajv_tool("powers.schema.json", [big],
                         "ajv validate --spec=draft2020 -s powers.schema.json -d generated.yaml"),
                check_tool("powers.schema.json", [big],
                           "check-jsonschema --schemafile powers.schema.json generated.yaml"),
                floor_tool([big], "parse-floor generated.yaml"),
            ],
        )

    load_before = load_average()
    for section in sections.values():
        log(f"== {section.title} (load average {load_average()})")
        section.load = load_average()
        measure(section.tools)
        section.load = f"{section.load} at the start, {load_average()} at the end"
    load_after = load_average()

    report = ["## treaty validate and its peers", "", *machine(),
              f"- load average (1, 5, 15 min; 2 CPUs): {load_before} before the measuring, "
              f"{load_after} after it",
              *versions(release, with_sourcemeta, with_ajv, with_check), ""]
    report += bars(sections, args.sizes.split(), args.single_mb)
    for section in sections.values():
        description = section.description + ["", f"Load average: {section.load}."]
        report += table(section.title, description, section.tools, section.tools[0])
    report += [
        "Notes:",
        "",
        f"- Medians of RUNS={args.runs} timed runs (CHECK_RUNS={args.check_runs} for "
        f"check-jsonschema), after {args.warmup} untimed warm-up run(s) for the other tools; "
        "the runs column gives the fastest and slowest. The tools of a table take turns, one "
        "run each per round. Wall time is measured around each process (start-up included); "
        "peak RSS is `/usr/bin/time -f %M`.",
        "- MB/s is the bytes of the YAML files that tool read (the data, not the schema) over "
        "its median wall time; 1 MB = 10^6 bytes. So on the split data sets the peers' MB/s "
        "counts the assessments only, while treaty's counts every file.",
        "- RSS / largest file: peak RSS over the largest single file that tool read. It speaks "
        "of the one big file; on the split data sets, whose files are small, it mostly shows "
        "each tool's fixed cost (and treaty holds the whole data set to check references).",
        "- paired ratio to treaty: the median over rounds of the tool's wall time over treaty's "
        "in the same round (above 1: slower than treaty). check-jsonschema's few runs are "
        "paired with treaty's first ones.",
        f"- sourcemeta: `jsonschema {' '.join(SOURCEMETA_OPTIONS)}`, its native binary run "
        "directly (not through `npx`, whose Node.js start would add about 40 ms).",
        f"- ajv-cli options: `{' '.join(AJV_OPTIONS)}` (strict mode on; the schemas' "
        "`format: uint16`-style annotations are unknown to ajv and ajv-formats, see "
        "bench/README.md). The peers are given the schema as a file; none follows the "
        "modeline. Each peer was first given an invalid file and failed on it.",
        "- check-jsonschema is slow (about 0.5 MB/s) so it gets CHECK_RUNS runs and no warm-up, "
        f"and is skipped where it would read more than CHECK_MAX_MB={args.check_max_mb:g} MB.",
    ]
    if args.smoke:
        report += ["", "Smoke run (`--smoke`): tiny data and one run each; these numbers are "
                   "not a measurement, nor are the bars' results."]
    text = "\n".join(report) + "\n"
    print(text)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text)
    log(f"written to {out_file} ({time.monotonic() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"compare: error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
