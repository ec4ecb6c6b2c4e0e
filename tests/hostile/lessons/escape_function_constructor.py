# A lesson that makes a JavaScript object through Pyodide's FFI and looks for the Function
# constructor behind it, to turn a string into code. Under the page's CSP (no 'unsafe-eval')
# no string becomes code.
# expect-outcome: raised
# expect-message: EvalError
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


ffi = reach("pyodide").ffi
array = ffi.to_js([1, 2, 3])
print("made a JavaScript object:", type(array).__name__)
make_function = array.constructor.constructor
print("LEAKED", make_function("return typeof importScripts")())
