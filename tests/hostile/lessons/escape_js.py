# A lesson that tries to escape from Python into the JavaScript around it through the `js`
# module: to fetch, post messages, import scripts, or find the global object. The engine
# refuses the import, and before the run it drops every reference the interpreter held to it
# (Pyodide's import hook kept one in `jsfinder.jsproxies`): digging finds none. (What `js`
# would be is an empty object anyway, not the worker's global scope.)
# expect-outcome: raised
# expect-message: ImportError: js is out of reach
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


js = reach("js")
for name in ["self", "globalThis", "postMessage", "importScripts", "XMLHttpRequest", "eval", "Function"]:
    print("LEAKED js." + name, getattr(js, name, None))
js.fetch(input().strip() + "/js-fetch")
