# Route: the `_pyodide_core` builtin module: its converters and callables, and what they hand
# back from Python objects (a proxy of a Python function is a JavaScript function). Its import
# is refused: the module is found among the garbage collector's objects.
# expect: REACHED _pyodide_core.create_proxy
# expect: BLOCKED create_proxy(print).constructor.constructor('return process')
_pyodide_core = find_module("_pyodide_core")

proxy = attempt("create_proxy", lambda: _pyodide_core.create_proxy(print))
if proxy is not None:
    reached("_pyodide_core.create_proxy")
    try_compile(proxy, "create_proxy(print)")
converted = attempt("to_js", lambda: _pyodide_core.to_js({"a": [1]}))
if converted is not None:
    try_compile(converted.constructor, "to_js(dict).constructor")
for name in dir(_pyodide_core):
    value = getattr(_pyodide_core, name)
    if type(value).__name__.startswith("Js"):
        try_object(value, f"_pyodide_core.{name}")
finish()
