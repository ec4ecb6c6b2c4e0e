# Route: Pyodide's own Python package (`pyodide.ffi`, `pyodide.code`), found in the garbage
# collector's modules although the import of `pyodide` is refused.
# expect: BLOCKED run_js('process')
import gc
import types

modules = [o for o in gc.get_objects() if isinstance(o, types.ModuleType)]
modules += list(sys.modules.values())
for module in modules:
    name = getattr(module, "__name__", "")
    if name.startswith("pyodide") or name.startswith("_pyodide"):
        reached(f"module {name}")
        for attr in ("run_js", "eval_code"):
            fn = getattr(module, attr, None)
            if fn is not None and attr == "run_js":
                value = attempt("run_js('process')", lambda: fn("process"))
                if value is not None:
                    use_node(value, "run_js")
# And the JavaScript side of `run_js`: it compiles with the realm's eval.
Object, Function = realm_intrinsics()
attempt("run_js('process')", lambda: use_node(bridge()._api.pyodide_code.run_js("process"), "run_js"))
finish()
