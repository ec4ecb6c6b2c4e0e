# Route: every way JavaScript turns a string into code: Function, AsyncFunction,
# called, applied or constructed (WebAssembly compiles only WebAssembly: nothing to gain).
# expect: REACHED Function
# expect: BLOCKED Function('return process')
# expect: BLOCKED AsyncFunction('return process')
Object, Function = realm_intrinsics()
reached("Function")
made = attempt("Function('return process')", lambda: Function("return process"))
if made is not None:
    escaped("Function")
async_fn = attempt("an async function", lambda: bridge().runPythonAsync)
if async_fn is not None:
    AsyncFunction = Object.getPrototypeOf(async_fn).constructor
    if attempt("AsyncFunction('return process')", lambda: AsyncFunction("return process")) is not None:
        escaped("AsyncFunction")
if attempt("Reflect.construct(Function)", lambda: Object.constructor.call(None, "return process")) is not None:
    escaped("Function.call")
apply = Function.prototype.apply
if attempt("Function.prototype.apply(Function)", lambda: apply.call(Function, None, ["return process"])) is not None:
    escaped("Function.apply")
finish()
