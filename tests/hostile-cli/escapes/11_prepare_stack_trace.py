# Route: V8 hands Error.prepareStackTrace the frames of a stack, with each frame's function and
# receiver unless it is strict: a stack that runs through the host's code would show them.
# expect: REACHED Error
# expect: BLOCKED set Error.prepareStackTrace
import _pyodide_core

Object, Function = realm_intrinsics()
Error = attempt("the realm's Error", lambda: Object.getPrototypeOf(bridge()._api.PythonError.prototype).constructor)
frames_seen = []


def prepare(error, frames):
    for frame in frames:
        for what in ("getThis", "getFunction"):
            value = attempt(what, lambda: getattr(frame, what)())
            if value is not None:
                frames_seen.append(value)
    return "stack"


if Error is not None:
    reached("Error")
    descriptor = _pyodide_core.to_js({"value": prepare}, dict_converter=Object.fromEntries)
    attempt("set Error.prepareStackTrace", lambda: Object.defineProperty(Error, "prepareStackTrace", descriptor))
    attempt("assign Error.prepareStackTrace", lambda: setattr(Error, "prepareStackTrace", prepare))
    # Errors made while the host's code is on the stack: a file the host refuses, a bad decode.
    attempt("a host error's stack", lambda: bridge().loadPackage("/no/such/file"))
    attempt("an error's stack", lambda: Error.new("x").stack)
for value in frames_seen:
    try_object(value, "a frame")
finish()
