# Route: every way JavaScript turns a string into code, from the realm's own constructors:
# Function and AsyncFunction, called, applied or constructed with `new` (Reflect.construct).
# WebAssembly compiles only WebAssembly, which can call only what it is given: nothing to gain.
# expect: REACHED Function
# expect: BLOCKED Function('return process')
# expect: BLOCKED AsyncFunction('return process')
# expect: BLOCKED Reflect.construct(Function)
Object, Function = realm_intrinsics()
reached("Function")
attempts = {
    "Function('return process')": lambda: Function("return process"),
    "Function.call": lambda: Function.call(None, "return process"),
    "Function.prototype.apply(Function)": lambda: Function.prototype.apply.call(Function, None, ["return process"]),
    "Reflect.construct(Function)": lambda: Function.new("return process"),
}
async_fn = attempt("an async function", lambda: bridge().runPythonAsync)
if async_fn is not None:
    AsyncFunction = Object.getPrototypeOf(async_fn).constructor
    attempts["AsyncFunction('return process')"] = lambda: AsyncFunction("return process")
else:
    # Pyodide's API, which holds the realm's only async functions, is out of reach.
    blocked("AsyncFunction('return process')", LookupError("no async function is reachable"))
for what, action in attempts.items():
    made = attempt(what, action)
    if made is not None:
        escaped(what)
        try_object(made, what)
finish()
