#!/usr/bin/env python3
"""Record native CPython output for the engine conformance programs.

Usage (from anywhere):

    python3 tests/engine/conformance/record.py            # record new or changed programs
    python3 tests/engine/conformance/record.py --force    # re-record every program
    python3 tests/engine/conformance/record.py 07 19_taskgroup_failure.py   # only these
    python3 tests/engine/conformance/record.py --check    # re-run, compare with expected/, write nothing
    python3 tests/engine/conformance/record.py --derive-314 52   # 3.14's stdlib line numbers

Each program `programs/NAME.py` is run as `python3.13 {DIR}/NAME.py` (CPython with its C
accelerator; `LOOPSCOPE_NATIVE_PYTHON` names another interpreter) with the programs folder as the
working directory, PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, LC_ALL=C.UTF-8, stdin from
/dev/null and stdout and stderr on pipes (no tty). The result goes to `expected/NAME.json`:

    {"python": "3.13.0", "cpython314": ..., "exitCode": N, "stdout": ..., "stderr": ...,
     "programSha256": ...}

The absolute path of the programs folder is replaced by `{DIR}` in stdout and stderr, and the
interpreter's standard-library folder by `{STDLIB}`. Output is decoded as Python decodes it
under a UTF-8 locale (`surrogateescape`: a byte that is not UTF-8 becomes a lone surrogate), and
an exit by a signal is recorded as the shell reports it (128 + the signal).

`cpython314` is hand-edited and kept when a program is re-recorded: where CPython 3.14 prints
something else than 3.13 (a line number in asyncio, a changed message), it holds the 3.14
`stdout`/`stderr`/`exitCode` and `because`, which cites the CPython 3.14 source that makes it
so. `programSha256` is the SHA-256 of the program's source: a program whose hash matches its
expected file is not re-run unless --force is given.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
EXPECTED = HERE / "expected"
PYTHON = os.environ.get("LOOPSCOPE_NATIVE_PYTHON", "python3.13")
TIMEOUT_S = 20.0
SLOW_S = 2.0
# Hand-edited keys preserved across re-recording.
KEPT_KEYS = ("cpython314",)


def child_env() -> dict[str, str]:
    # Drop every PYTHON* variable of the caller (PYTHONWARNINGS, PYTHONASYNCIODEBUG,
    # PYTHONDEVMODE, PYTHONTRACEMALLOC, ...) so that recordings do not depend on the shell.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # A UTF-8 locale, as the engine's terminal: UTF-8, and stdout's errors handler is
    # surrogateescape (PYTHONIOENCODING would make it strict).
    env["LC_ALL"] = "C.UTF-8"
    return env


def python_info(env: dict[str, str]) -> tuple[str, list[str]]:
    """Version of `python3` and its stdlib folder(s) (resolved and as configured)."""
    code = (
        "import platform, sysconfig, os, json;"
        "p = sysconfig.get_paths()['stdlib'];"
        "print(json.dumps([platform.python_version(), p, os.path.realpath(p)]))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    version, stdlib, real = json.loads(out)
    dirs = sorted({stdlib, real}, key=len, reverse=True)
    return version, dirs


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def normalise(text: str, stdlib_dirs: list[str]) -> str:
    text = text.replace("\r\n", "\n")
    for d in {str(PROGRAMS), os.path.realpath(PROGRAMS)}:
        text = text.replace(d + os.sep, "{DIR}/").replace(d, "{DIR}")
    for d in stdlib_dirs:
        text = text.replace(d + os.sep, "{STDLIB}/").replace(d, "{STDLIB}")
    return text


def run_stable(path: Path, env: dict[str, str], stdlib_dirs: list[str]) -> tuple[dict, float]:
    """The program's output as most runs print it: a machine stalled by other work can delay a
    timer past another's deadline, so a result is taken once two runs agree (at most 5)."""
    seen: list[dict] = []
    for _ in range(5):
        result, elapsed = run_program(path, env, stdlib_dirs)
        if result in seen:
            return result, elapsed
        seen.append(result)
    sys.exit(f"record.py: {path.stem} printed something else on each of 5 runs")


def run_program(path: Path, env: dict[str, str], stdlib_dirs: list[str]) -> tuple[dict, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [PYTHON, str(path)],
        cwd=PROGRAMS,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT_S,
    )
    elapsed = time.monotonic() - started
    return (
        {
            "stdout": normalise(proc.stdout.decode("utf-8", "surrogateescape"), stdlib_dirs),
            "stderr": normalise(proc.stderr.decode("utf-8", "surrogateescape"), stdlib_dirs),
            # Killed by a signal (KeyboardInterrupt re-raises SIGINT): as a shell reports it.
            "exitCode": proc.returncode if proc.returncode >= 0 else 128 - proc.returncode,
        },
        elapsed,
    )


def load(path: Path) -> dict | None:
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def build(version: str, old: dict | None, result: dict, digest: str) -> dict:
    doc: dict = {"python": version}
    for key in KEPT_KEYS:
        if old is not None and key in old:
            doc[key] = old[key]
    doc["exitCode"] = result["exitCode"]
    doc["stdout"] = result["stdout"]
    doc["stderr"] = result["stderr"]
    doc["programSha256"] = digest
    return doc


def write(path: Path, doc: dict) -> None:
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    # Lone surrogates (bytes that were not UTF-8) as JSON escapes: the file stays UTF-8.
    text = re.sub("[\ud800-\udfff]", lambda m: "\\u%04x" % ord(m.group()), text)
    path.write_text(text + "\n", encoding="utf-8")


def select(names: list[str]) -> list[Path]:
    programs = sorted(PROGRAMS.glob("*.py"))
    if not names:
        return programs
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".py")
        hits = [p for p in programs if p.stem == stem or p.stem.startswith(stem + "_")]
        if not hits:
            sys.exit(f"record.py: no program matches {name!r}")
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def lint(name: str, doc: dict) -> list[str]:
    problems = []
    override = doc.get("cpython314")
    if "{STDLIB}" in doc["stderr"] and not override:
        problems.append('stderr shows stdlib frames, whose line numbers 3.14 changed: add "cpython314"')
    if override is not None and not override.get("because"):
        problems.append('"cpython314" without "because"')
    if re.search(r" at 0x[0-9a-f]", doc["stdout"] + doc["stderr"]):
        problems.append("output contains a memory address")
    return [f"{name}: {p}" for p in problems]


# CPython 3.14's standard library, as Pyodide ships it (the engine's own).
STDLIB_314 = HERE.parents[2] / "node_modules" / "pyodide" / "python_stdlib.zip"


def derive_314(doc: dict, native_stdlib: str) -> dict:
    """The 3.14 expectation of a recording whose tracebacks pass through the standard library:
    the same lines, at 3.14's line numbers. The result is written into `cpython314`, to be
    read and checked by hand."""
    import ast
    import zipfile

    lib = zipfile.ZipFile(STDLIB_314)
    cites: list[str] = []

    def places(source: str, function: str, code: str) -> list[tuple[int, int]]:
        """(line, line - the function's first line) of each line of `function` that is `code`."""
        lines = source.split("\n")
        return [
            (n, n - node.lineno)
            for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function
            for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)
            if lines[n - 1].strip() == code
        ]

    def line_in_314(rel: str, function: str, code: str, native_line: int) -> int:
        found = places(lib.read(rel).decode("utf-8"), function, code)
        if len(found) > 1:
            # The same line twice in one function: the one as far into it as natively.
            native = [offset for n, offset in places((Path(native_stdlib) / rel).read_text("utf-8"), function, code) if n == native_line]
            if len(native) == 1:
                found = [min(found, key=lambda place: abs(place[1] - native[0]))]
        if len(found) != 1:
            sys.exit(f"record.py: cannot place {code!r} in {rel}:{function} ({found})")
        line = found[0][0]
        cites.append(f"Lib/{rel} {function}() line {line}")
        return line

    def remap(text: str) -> str:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            m = re.match(r'  File "\{STDLIB\}/(.+?)", line (\d+), in (.+)$', line)
            if m:
                n = line_in_314(m.group(1), m.group(3), lines[i + 1].strip(), int(m.group(2)))
                lines[i] = line.replace(f"line {m.group(2)},", f"line {n},")
                continue
            # faulthandler's frames ("line N in name", no source line): the native file says
            # which line it is.
            m = re.match(r'  File "\{STDLIB\}/(.+?)", line (\d+) in (.+)$', line)
            if m:
                code = (Path(native_stdlib) / m.group(1)).read_text("utf-8").split("\n")[int(m.group(2)) - 1].strip()
                n = line_in_314(m.group(1), m.group(3), code, int(m.group(2)))
                lines[i] = line.replace(f"line {m.group(2)} in", f"line {n} in")
        return "\n".join(lines)

    override = {"stdout": remap(doc["stdout"]), "stderr": remap(doc["stderr"])}
    override["because"] = (
        "CPython 3.14 runs the same lines of its standard library at other line numbers: "
        + "; ".join(sorted(set(cites)))
    )
    return override


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="program names or number prefixes (default: all)")
    ap.add_argument("--force", action="store_true", help="re-record even if the program is unchanged")
    ap.add_argument("--check", action="store_true", help="re-run and compare with expected/; write nothing")
    ap.add_argument(
        "--derive-314",
        action="store_true",
        help="write each chosen program's 3.14 line numbers into its cpython314 (check them by hand)",
    )
    args = ap.parse_args()
    if args.derive_314:
        _version, stdlib_dirs = python_info(child_env())
        for path in select(args.programs):
            out_path = EXPECTED / (path.stem + ".json")
            doc = load(out_path)
            if doc is None:
                sys.exit(f"record.py: record {path.stem} first")
            doc["cpython314"] = {**doc.get("cpython314", {}), **derive_314(doc, stdlib_dirs[0])}
            write(out_path, doc)
            print(f"derived  {path.stem}: {doc['cpython314']['because']}")
        return 0

    env = child_env()
    version, stdlib_dirs = python_info(env)
    EXPECTED.mkdir(exist_ok=True)
    programs = select(args.programs)

    recorded = skipped = differing = 0
    warnings: list[str] = []
    for path in programs:
        out_path = EXPECTED / (path.stem + ".json")
        old = load(out_path)
        digest = sha256(path)
        unchanged = old is not None and old.get("programSha256") == digest
        if not args.check and unchanged and not args.force:
            skipped += 1
            warnings.extend(lint(path.stem, old))
            continue
        result, elapsed = (run_program if args.check else run_stable)(path, env, stdlib_dirs)
        if elapsed > SLOW_S:
            warnings.append(f"{path.stem}: took {elapsed:.2f}s natively (limit {SLOW_S}s)")
        doc = build(version, old, result, digest)
        warnings.extend(lint(path.stem, doc))
        if args.check:
            same = old is not None and all(old.get(k) == doc[k] for k in ("stdout", "stderr", "exitCode"))
            if not same:
                differing += 1
                print(f"DIFFERS  {path.stem}")
                for key in ("stdout", "stderr"):
                    before = (old or {}).get(key, "").splitlines(keepends=True)
                    after = doc[key].splitlines(keepends=True)
                    sys.stdout.writelines(
                        difflib.unified_diff(before, after, f"expected {key}", f"actual {key}")
                    )
                if old is not None and old.get("exitCode") != doc["exitCode"]:
                    print(f"exit code {old.get('exitCode')} -> {doc['exitCode']}")
            if old is not None and not unchanged:
                print(f"STALE    {path.stem} (program changed since it was recorded)")
            continue
        if old == doc:
            skipped += 1
            continue
        write(out_path, doc)
        recorded += 1
        print(f"recorded {path.stem}  exit={doc['exitCode']}  {elapsed:.2f}s")

    known = {p.stem for p in PROGRAMS.glob("*.py")}
    for orphan in sorted(EXPECTED.glob("*.json")):
        if orphan.stem not in known:
            warnings.append(f"{orphan.name}: no program of that name (delete it?)")

    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if args.check:
        print(f"{len(programs)} checked, {differing} differ")
        return 1 if differing else 0
    print(f"python {version}: {recorded} recorded, {skipped} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
