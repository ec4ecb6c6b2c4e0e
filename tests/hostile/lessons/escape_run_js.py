# A lesson that digs out Pyodide's `run_js`, which evaluates a string as JavaScript. It
# imports `js` when called, and the engine refuses that import.
# expect-outcome: raised
# expect-message: No module named 'js'
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


run_js = reach("pyodide").code.run_js
print("LEAKED", run_js("self.location.href"))
