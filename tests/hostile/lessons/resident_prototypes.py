# A lesson that tries to stay resident without Pyodide's API: from a JavaScript function the
# engine hands the program (its trace sink), it reaches the prototypes every script in the
# worker shares, and plants a getter on `Object.prototype` for names a script reads from the
# worker's global object when they are missing there (`prompt`, which Pyodide reads when it
# starts an interpreter). A later run would call it with the global object as `this`; it
# would then replace `postMessage`. Each step prints whether it worked.
# expect-outcome: completed
# expect-message: planted
# resident-for: 3
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


def core_module():
    for thing in gc.get_objects():
        if getattr(thing, "__name__", None) == "_pyodide_core":
            return thing
    raise LookupError("no _pyodide_core")


def sink():
    return sys.modules["loopscope_engine"].rec.sink


def taker(create_proxy):
    """A getter for `Object.prototype`: called on the worker's global object, it replaces
    `postMessage`. (The run clears the program's globals when it ends: what it needs is
    bound here.)"""

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
                message.json = text.replace('"text":"', '"text":"RESIDENT: ')
            post.call(this, message, *rest)

        this.postMessage = create_proxy(forged)

    return create_proxy(take_over, capture_this=True)


js_function = step("reach a JavaScript function (the engine's sink)", sink)
object_prototype = step(
    "reach Object.prototype from it", lambda: js_function.constructor.prototype.__proto__
)
create_proxy = step("reach create_proxy", lambda: core_module().create_proxy)
def plant(name):
    object_prototype.__defineGetter__(name, taker(create_proxy))
    # A script that assigns the name must not fail, or the worker would end.
    object_prototype.__defineSetter__(name, create_proxy(lambda *_: None))


for name in ("prompt", "process", "Deno", "Bun"):
    step(f"plant a getter Object.prototype.{name} that takes over the global object", lambda: plant(name))
print("planted what could be planted")
