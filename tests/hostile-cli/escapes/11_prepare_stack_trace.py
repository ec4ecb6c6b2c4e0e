# Route: V8 hands Error.prepareStackTrace the frames of a stack, with each frame's function and
# receiver unless it is strict: a stack that runs through the host's code would show them.
# expect: REACHED Error
# expect: BLOCKED set Error.prepareStackTrace
_pyodide_core = find_module("_pyodide_core")

Object, Function = realm_intrinsics()


def error_from_eval():
    """The realm's Error, from the EvalError its Function constructor throws."""
    try:
        Function("")
    except Exception as error:  # noqa: BLE001 - the error is what we came for.
        return Object.getPrototypeOf(Object.getPrototypeOf(error.js_error)).constructor
    raise LookupError("the Function constructor compiled a string")


Error = attempt("the realm's Error", lambda: Object.getPrototypeOf(pyodide_api()._api.PythonError.prototype).constructor)
Error = Error or attempt("the realm's Error, from an EvalError", error_from_eval)
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
