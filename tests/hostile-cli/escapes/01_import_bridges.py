# Route: import Pyodide's bridges by name, then around the engine's import blocker.
# expect: BLOCKED import js
# expect: REACHED import pyodide.code after removing the blocker
# expect: BLOCKED run_js('process')
import importlib

for name in ("js", "pyodide_js", "pyodide", "pyodide.ffi", "pyodide.code"):
    module = attempt(f"import {name}", lambda: importlib.import_module(name))
    if module is not None:
        escaped(f"import {name}")
        try_object(module, name)

# The blocker is a meta path finder: take it out, and forget what the failed imports cached.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "_NoBridgeImports"]
for name in ("js", "pyodide_js", "pyodide.code"):
    module = attempt(f"import {name} after removing the blocker", lambda: importlib.import_module(name))
    if module is not None:
        reached(f"import {name} after removing the blocker")
        if name == "pyodide.code":
            attempt("run_js('process')", lambda: use_node(module.run_js("process"), "run_js"))
        else:
            try_object(module, name)
finish()
