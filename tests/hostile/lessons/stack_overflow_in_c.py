# A lesson that recurses a million deep inside C code (the JSON decoder), deep enough to
# overflow the JavaScript engine's stack, which CPython's own check cannot see in Pyodide. The
# engine raises CPython's RecursionError instead, and the next run finds a working interpreter.
# expect-outcome: raised
# expect-message: RecursionError: maximum recursion depth exceeded while decoding a JSON array
import json

json.loads("[" * 10**6 + "]" * 10**6)
