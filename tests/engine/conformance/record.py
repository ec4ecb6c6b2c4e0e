#!/usr/bin/env python3
"""Record native CPython output for the engine conformance programs.

Usage (from anywhere):

    python3 tests/engine/conformance/record.py            # record new or changed programs
    python3 tests/engine/conformance/record.py --force    # re-record every program
    python3 tests/engine/conformance/record.py 07 19_taskgroup_failure.py   # only these
    python3 tests/engine/conformance/record.py --check    # re-run, compare with expected/, write nothing

Each program `programs/NAME.py` is run as `python3 {DIR}/NAME.py` with the programs folder as the
working directory, PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, stdin from /dev/null and stdout and
stderr on pipes (no tty). The result goes to `expected/NAME.json`:

    {"python": "3.11.7", "compare": ..., "notes": ..., "exitCode": N, "stdout": ..., "stderr": ...,
     "programSha256": ...}

The absolute path of the programs folder is replaced by `{DIR}` in stdout and stderr, and the
interpreter's standard-library folder by `{STDLIB}` (that one only appears in tracebacks through
asyncio internals, which are compared by their last line only; see README.md).

`compare` and `notes` are hand-edited and kept when a program is re-recorded. `programSha256` is the
SHA-256 of the program's source: a program whose hash matches its expected file is not re-run
unless --force is given.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
EXPECTED = HERE / "expected"
PYTHON = "python3"
TIMEOUT_S = 20.0
SLOW_S = 2.0
COMPARE_MODES = ("exact", "stdout")
# Hand-edited keys preserved across re-recording.
KEPT_KEYS = ("compare", "notes")


def child_env() -> dict[str, str]:
    # Drop every PYTHON* variable of the caller (PYTHONWARNINGS, PYTHONASYNCIODEBUG,
    # PYTHONDEVMODE, PYTHONTRACEMALLOC, ...) so that recordings do not depend on the shell.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
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
            "stdout": normalise(proc.stdout.decode("utf-8"), stdlib_dirs),
            "stderr": normalise(proc.stderr.decode("utf-8"), stdlib_dirs),
            "exitCode": proc.returncode,
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
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


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
    compare = doc.get("compare", "exact")
    if compare not in COMPARE_MODES:
        problems.append(f"unknown compare mode {compare!r}")
    if compare == "exact" and "{STDLIB}" in doc["stderr"]:
        problems.append('stderr shows stdlib frames: consider "compare": "stdout" and a note')
    if compare != "exact" and not doc.get("notes"):
        problems.append(f'"compare": "{compare}" without "notes"')
    if " at 0x" in doc["stdout"] + doc["stderr"]:
        problems.append("output contains a memory address")
    return [f"{name}: {p}" for p in problems]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="program names or number prefixes (default: all)")
    ap.add_argument("--force", action="store_true", help="re-record even if the program is unchanged")
    ap.add_argument("--check", action="store_true", help="re-run and compare with expected/; write nothing")
    args = ap.parse_args()

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
        result, elapsed = run_program(path, env, stdlib_dirs)
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
