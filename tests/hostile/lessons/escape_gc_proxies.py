# A lesson that looks, through the garbage collector, for every proxy of a JavaScript object
# the interpreter still holds: Pyodide kept them for `js` and `pyodide_js` (in its import
# hook), for `_api.scheduleCallback` (in `pyodide.webloop`), for its loaded packages, and in
# the loaders of modules imported from JavaScript. The engine drops them all before a program
# runs: what is left are the engine's own trace sink and stop flag, which it hands the program.
# expect-outcome: completed
# expect-message: only the engine's own
import gc
import itertools
import sys

engine = sys.modules["loopscope_engine"].rec
own = {id(engine.sink), id(engine.control)}
# Everything any object refers to, gathered in C: a loop in Python would be traced line by line.
everything = gc.get_referents(*gc.get_objects())
proxy_types = {
    kind
    for kind in set(map(type, everything))
    if any(base.__name__ == "JsProxy" for base in kind.__mro__) and not issubclass(kind, type)
}
proxies = [p for p in itertools.compress(everything, map(proxy_types.__contains__, map(type, everything))) if id(p) not in own]
for proxy in {id(p): p for p in proxies}.values():
    holders = ", ".join(type(h).__name__ for h in gc.get_referrers(proxy) if h is not everything)
    print(f"LEAKED: a proxy of {str(proxy)[:60]!r}, held by {holders}")
print(f"{len(proxies)} proxies besides the engine's own" if proxies else "only the engine's own proxies are left")
