"""Deep recursion inside C, where CPython's own check cannot see the real stack.

CPython 3.14 stops a C function's recursion (`Py_EnterRecursiveCall`) by looking at the C
stack pointer. In Pyodide that pointer moves on WebAssembly's stack in linear memory, while
the calls themselves use the JavaScript engine's own, much smaller stack: a deep enough
recursion in C overflows it and kills the interpreter before CPython notices. Python-to-Python
calls are not affected (they use no C stack); json's C scanner and encoder are what programs
recurse deepest with. Past a depth every browser's worker holds, they raise the RecursionError
CPython raises, with CPython's message, instead of crashing.
"""

import itertools
import json.decoder
import json.encoder
import json.scanner
import re

# The deepest nesting json's C code is given: a worker's JavaScript stack holds several times
# as much (the smallest, a browser's, about 8,000 levels).
C_SAFE_DEPTH = 4000

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _too_deep(string, idx):
    """The container that nests past C_SAFE_DEPTH in a JSON document ('[' or '{'), if one does."""
    if len(string) - idx < 2 * C_SAFE_DEPTH:
        return None
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", string[idx:]))
    for position, depth in enumerate(itertools.accumulate(map(_STEP.__getitem__, brackets))):
        if depth > C_SAFE_DEPTH:
            return brackets[position]
    return None


def _guarded_scanner(make_scanner):
    def make_guarded(context):
        scan_once = make_scanner(context)

        def scan(string, idx):
            container = _too_deep(string, idx)
            if container is not None:
                kind = "array" if container == "[" else "object"
                raise RecursionError(f"maximum recursion depth exceeded while decoding a JSON {kind} from a unicode string")
            return scan_once(string, idx)

        return scan

    return make_guarded


_CONTAINERS = (dict, list, tuple)


def _nests_too_deep(value):
    """Whether containers nest in `value` past C_SAFE_DEPTH (an iterative walk over its
    containers)."""
    level = [value] if isinstance(value, _CONTAINERS) else []
    seen = set()
    depth = 0
    while level:
        depth += 1
        if depth > C_SAFE_DEPTH:
            return True
        below = []
        for item in level:
            if id(item) in seen:
                # A cycle: the encoder reports it ("Circular reference detected").
                continue
            seen.add(id(item))
            below.extend([child for child in (item.values() if isinstance(item, dict) else item) if isinstance(child, _CONTAINERS)])
        level = below
    return False


def _guarded_encoder(make_encoder):
    def make_guarded(*args):
        encode = make_encoder(*args)

        def guarded(value, level):
            if _nests_too_deep(value):
                raise RecursionError("maximum recursion depth exceeded while encoding a JSON object")
            return encode(value, level)

        return guarded

    return make_guarded


def install():
    if json.scanner.c_make_scanner is not None:
        json.scanner.make_scanner = _guarded_scanner(json.scanner.c_make_scanner)
        json.decoder.scanner = json.scanner
        json._default_decoder.scan_once = json.scanner.make_scanner(json._default_decoder)
    if json.encoder.c_make_encoder is not None:
        json.encoder.c_make_encoder = _guarded_encoder(json.encoder.c_make_encoder)
