# Route: V8 hands Error.prepareStackTrace the frames of a stack, with each frame's function and
# receiver unless it is strict: a stack that runs through the host's code would show it.
# expect: BLOCKED set Error.prepareStackTrace
Object, Function = realm_intrinsics()
Error = attempt("Error", lambda: Object.getPrototypeOf(Function.prototype).constructor.constructor)
ErrorCtor = attempt("the realm's Error", lambda: bridge()._api.PythonError.prototype.__proto__.constructor)
frames_seen = []


def prepare(error, frames):
    for frame in frames:
        for what in ("getThis", "getFunction"):
            value = attempt(what, lambda: getattr(frame, what)())
            if value is not None:
                frames_seen.append(value)
    return "stack"


if ErrorCtor is not None:
    reached("Error")
    attempt("set Error.prepareStackTrace", lambda: Object.defineProperty(ErrorCtor, "prepareStackTrace", __import__("_pyodide_core").to_js({"value": prepare}, dict_converter=Object.fromEntries)))
    attempt("a host error's stack", lambda: bridge().FS.readFile("/no/such/file"))
for value in frames_seen:
    try_object(value, "a frame")
finish()
