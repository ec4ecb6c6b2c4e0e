# Route: an accessor planted on the realm's Object.prototype for a name the global object does
# not have, then a call through ctypes of an exported function whose Emscripten JavaScript reads
# that name off the global object (`emscripten_get_battery_status` reads
# `globalThis.navigator`): the accessor would be handed the global object as `this`, and with it
# WebAssembly's streaming compile, whose answer Node makes in its own context.
# expect: REACHED Object.prototype
# expect: BLOCKED plant navigator on Object.prototype
# expect: BLOCKED the global object
Object, Function = realm_intrinsics()
_pyodide_core = find_module("_pyodide_core")
captured = []


def getter(this, *args):
    captured.append(this)


def descriptor(**fields):
    made = Object.new()
    for key, value in fields.items():
        setattr(made, key, value)
    return made


prototype = Object.prototype
reached("Object.prototype")
accessor = _pyodide_core.create_proxy(getter, capture_this=True)
for name in ("navigator", "window", "document", "process"):
    attempt(f"plant {name} on Object.prototype", lambda: Object.defineProperty(prototype, name, descriptor(get=accessor, configurable=True)))
import ctypes

attempt("ctypes.PyDLL(None)", lambda: ctypes.PyDLL(None).emscripten_get_battery_status(ctypes.create_string_buffer(64)))
if captured:
    for value in captured:
        try_object(value, "the global object")
        compile_streaming = attempt_quietly(lambda: value.WebAssembly.compileStreaming)
        if compile_streaming is not None:
            escaped("the global object: WebAssembly.compileStreaming")
else:
    blocked("the global object", LookupError("no accessor was called"))
finish()
