# Route: every JavaScript proxy the garbage collector knows of, without any import hook.
# expect: REACHED a JsProxy from gc
import gc

found = [o for o in gc.get_objects() if type(o).__name__.startswith("Js")]
if found:
    reached("a JsProxy from gc")
for i, proxy in enumerate(found[:40]):
    try_object(proxy, f"gc[{i}]")
    if attempt(f"gc[{i}] is callable", lambda: callable(proxy)):
        try_compile(proxy, f"gc[{i}]")
finish()
