# A lesson that tries to escape from Python into the JavaScript around it through the `js`
# module: to fetch, post messages, import scripts, or find the global object. The engine
# refuses the import, and no module the interpreter holds keeps a reference to it.
# expect-outcome: raised
# expect-message: ImportError: js is out of reach
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


js = reach("js")
for name in ["self", "globalThis", "postMessage", "importScripts", "XMLHttpRequest", "eval", "Function"]:
    print("LEAKED js." + name, getattr(js, name, None))
js.fetch(input().strip() + "/js-fetch")
