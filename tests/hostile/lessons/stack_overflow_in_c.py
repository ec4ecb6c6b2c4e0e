# A lesson that overflows the WebAssembly stack inside C code (the JSON decoder, on a list
# nested a million deep). The interpreter dies; the run ends as crashed with the reason, and
# the engine starts a fresh interpreter for the next run.
# expect-outcome: crashed
# expect-message: Maximum call stack size exceeded
import json

json.loads("[" * 10**6 + "]" * 10**6)
