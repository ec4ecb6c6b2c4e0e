# What every escape program does with what it reaches. The test prepends this file to each
# program and fills in the {{...}} values: a secret file outside everything Loopscope reads,
# an empty folder for markers, a TCP and a UDP (DNS) listener on 127.0.0.1, and the PID of a
# process the program must not be able to kill. A program prints "ESCAPED" and nothing else
# if any step got through; otherwise what it reached, where it was stopped, and "contained".
import sys

SECRET_PATH = {{SECRET_PATH}}
MARKER_DIR = {{MARKER_DIR}}
TCP_PORT = {{TCP_PORT}}
DNS_PORT = {{DNS_PORT}}
VICTIM_PID = {{VICTIM_PID}}
ROUTE = {{ROUTE}}

_log = []
_escaped = []


def reached(what):
    _log.append(f"REACHED {what}")


def blocked(what, error):
    _log.append(f"BLOCKED {what}: {type(error).__name__}: {str(error)[:120]}")


def escaped(what):
    _escaped.append(what)


def finish():
    if _escaped:
        print("ESCAPED")
    else:
        print("\n".join(_log))
        print("contained")


def find_module(name):
    """A module, as a program finds it although its import is refused and it is gone from
    `sys.modules`: among the garbage collector's objects."""
    import gc
    import types

    if name in sys.modules:
        return sys.modules[name]
    for value in gc.get_objects():
        if isinstance(value, types.ModuleType) and getattr(value, "__name__", None) == name:
            reached(f"module {name}")
            return value
    raise ModuleNotFoundError(name)


def pyodide_api():
    """Pyodide's JavaScript API (`pyodide_js`), where the import hook's cache still holds it
    (the engine empties that cache, `cut_bridges`, before a program runs)."""
    return find_module("_pyodide._importhook").jsfinder.jsproxies["pyodide_js"]


def bridge():
    """A JavaScript object of the realm, as a program finds one without `import js`: Pyodide's
    API where it is still held, else the function the engine hands every program, its trace
    sink."""
    api = attempt("pyodide_js from the import hook", pyodide_api)
    if api is not None:
        return api
    import loopscope_engine

    return loopscope_engine.rec.sink


def attempt(what, action):
    try:
        result = action()
    except BaseException as error:  # noqa: BLE001 - every failure is a result here.
        blocked(what, error)
        return None
    return result


def use_node(process, how):
    """What a program does with Node's `process`: every capability the sandbox must deny."""
    escaped(f"{how}: process")
    marker = f"{MARKER_DIR}/{ROUTE}"
    get = lambda name: process.getBuiltinModule(name)  # noqa: E731
    attempt("fs.writeFileSync", lambda: get("fs").writeFileSync(marker + "-fs", "x"))
    attempt("fs.readFileSync", lambda: get("fs").writeFileSync(marker + "-secret", get("fs").readFileSync(SECRET_PATH, "utf8")))
    attempt("child_process", lambda: get("child_process").execFileSync("/bin/sh", ["-c", f"echo > {marker}-process"]))
    attempt("net.connect", lambda: get("net").connect(TCP_PORT, "127.0.0.1").write(ROUTE))
    attempt("dns", lambda: get("dns").Resolver.new().setServers([f"127.0.0.1:{DNS_PORT}"]))
    attempt("process.kill", lambda: process.kill(VICTIM_PID, "SIGKILL"))
    attempt("process.env", lambda: get("fs").writeFileSync(marker + "-env", process.env.to_py()))
    attempt("v8.setFlagsFromString", lambda: get("v8").setFlagsFromString("--allow-natives-syntax"))
    attempt("worker_threads", lambda: get("worker_threads").Worker.new(f"require('fs').writeFileSync('{marker}-worker', 'x')", {"eval": True}))
    attempt("process.binding", lambda: process.binding("spawn_sync"))


def try_object(value, how):
    """Looks for Node's globals on an object the program reached."""
    names = ("process", "require", "module", "global", "Buffer", "setImmediate", "fetch", "WebSocket")
    found = [name for name in names if attempt_quietly(lambda: getattr(value, name)) is not None]
    if not found:
        _log.append(f"BLOCKED {how}: no Node global on it")
    for name in found:
        if name == "process":
            use_node(getattr(value, name), f"{how}.process")
        elif name == "require":
            attempt(f"{how}.require", lambda: use_node(value.require("process"), f"{how}.require"))
        elif name in ("global", "module") and how.count(".") < 4:
            escaped(f"{how}.{name}")
            try_object(getattr(value, name), f"{how}.{name}")
        else:
            escaped(f"{how}.{name}")


def attempt_quietly(action):
    try:
        return action()
    except BaseException:  # noqa: BLE001 - absence is the expected answer.
        return None


def try_compile(value, how):
    """Compiles a string with the Function constructor reached from `value` (the constructor of
    a function, or of a class's constructor)."""
    first = attempt(f"{how}.constructor", lambda: value.constructor)
    for constructor, name in ((first, f"{how}.constructor"), (attempt_quietly(lambda: first.constructor), f"{how}.constructor.constructor")):
        if constructor is None:
            continue
        reached(name)
        for source in ("return process", "return globalThis", "return require"):
            made = attempt(f"{name}({source!r})", lambda: constructor(source))
            if made is None:
                continue
            value = attempt(f"{name}({source!r})()", lambda: made())
            escaped(f"{name}: compiled {source!r}")
            if value is not None:
                try_object(value, f"{name}({source!r})")
                if source == "return process":
                    use_node(value, name)


def realm_intrinsics():
    """The realm's `Object` and `Function` constructors, from the object `bridge()` finds."""
    value = bridge()
    Function = value.constructor if value.typeof == "function" else value.constructor.constructor
    return Function.prototype.__proto__.constructor, Function


# ---- the escape route ----------------------------------------------------------------------
