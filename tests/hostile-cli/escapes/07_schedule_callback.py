# Route: Pyodide's scheduler (`_api.scheduleCallback`) and the realm's setTimeout call a
# Python callable later, with whatever `this` they have: in a browser worker, the global. The
# engine drops Pyodide's API before a program runs (`cut_bridges`), its scheduler with it.
# expect: BLOCKED pyodide_js._api.scheduleCallback
# expect: REACHED a callback's this: JsProxy
_pyodide_core = find_module("_pyodide_core")

api = attempt("pyodide_js._api.scheduleCallback", lambda: pyodide_api()._api)
if api is not None:
    reached("pyodide_js._api.scheduleCallback")


def callback(this, *args):
    reached(f"a callback's this: {type(this).__name__}")
    if this is not None:
        try_object(this, "this")


proxy = _pyodide_core.create_proxy(callback, capture_this=True)
if api is not None:
    attempt("scheduleCallback", lambda: api.scheduleCallback(proxy, 0))
    attempt("scheduleCallback later", lambda: api.scheduleCallback(proxy, 50))
# The scheduled calls come after the run (the engine never yields to JavaScript during one),
# when the child is already gone; called now, `this` is what the caller gives.
attempt("call with this", lambda: proxy.call(bridge()))
finish()
