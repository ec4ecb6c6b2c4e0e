# Route: everything reachable from what a program can reach (Pyodide's API, the import hook's
# proxies, the garbage collector's proxies, the realm's intrinsics), walked breadth first,
# property by property and prototype by prototype, getters and setters included: no object
# may belong to Node's realm. An object belongs to the realm whose Object.prototype ends its
# prototype chain; Node's objects end at Node's.
# expect: WALKED
# expect: FOREIGN 0
import collections
import gc

Object, Function = realm_intrinsics()
ObjectPrototype = Object.prototype
getOwnPropertyNames = Object.getOwnPropertyNames
getOwnPropertySymbols = Object.getOwnPropertySymbols
getPrototypeOf = Object.getPrototypeOf
describe = Object.getOwnPropertyDescriptor
# ArrayBuffer.isView, from a typed array the interpreter converts.
isView = find_module("_pyodide_core").to_js(b"x").buffer.constructor.isView
# Every proxy type derives from the last class of this name in the chain.
JsProxy = [c for c in type(bridge()).__mro__ if c.__name__ == "JsProxy"][-1]
# A function's own `length` and `name` are numbers and strings.
PRIMITIVE_KEYS = {"length", "name"}
# Past a few thousand objects the walk reaches Pyodide's own internals (the prototypes of its
# proxies of Python objects), where reading a property ends the interpreter: a fatal error of
# the program's own interpreter, not an escape. The walk stops before.
LIMIT = 5000


def prototype_of(value):
    """The prototype, or None where Pyodide cannot hand it to Python: the prototype of a
    proxy of a Python object passes for a proxy itself, and converting it fails."""
    try:
        prototype = getPrototypeOf(value)
    except Exception:  # noqa: BLE001
        return None
    return prototype if is_js_object(prototype) else None


def is_js_object(value):
    # `typeof null` is "object" too: Pyodide's jsnull is not an object to walk.
    return (
        isinstance(value, JsProxy)
        and type(value).__name__ != "JsNull"
        and value.typeof in ("object", "function")
    )


roots = [bridge(), Object, Function]
roots += list(find_module("_pyodide._importhook").jsfinder.jsproxies.values())
roots += [o for o in gc.get_objects() if is_js_object(o)]
queue = collections.deque(roots)
seen = set()
foreign = []
while queue and len(seen) < LIMIT:
    value = queue.popleft()
    if value.js_id in seen:
        continue
    seen.add(value.js_id)
    prototype = prototype_of(value)
    chain, root = prototype, None
    while chain is not None:
        root, chain = chain, prototype_of(chain)
    if root is not None and root != ObjectPrototype:
        foreign.append(repr(value)[:80])
    if prototype is not None:
        queue.append(prototype)
    # A typed array's own keys are its elements: numbers.
    if value.typeof == "object" and isView(value):
        continue
    keys = [k for k in getOwnPropertyNames(value) if k not in PRIMITIVE_KEYS]
    for key in keys + list(getOwnPropertySymbols(value)):
        try:
            descriptor = describe(value, key)
        except Exception:  # noqa: BLE001 - a proxy's trap may refuse.
            continue
        for part in ("value", "get", "set"):
            try:
                found = getattr(descriptor, part, None)
            except Exception:  # noqa: BLE001 - a destroyed proxy of a Python object.
                continue
            if is_js_object(found):
                queue.append(found)
print(f"WALKED {len(seen)} objects, {len(queue)} left")
print(f"FOREIGN {len(foreign)}")
for line in foreign[:20]:
    print(f"FOREIGN {line}")
if foreign:
    escaped("a Node object in the realm")
finish()
