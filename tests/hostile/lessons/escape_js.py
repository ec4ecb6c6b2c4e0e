# A lesson that tries to escape from Python into the JavaScript around it through the `js`
# module: to fetch, post messages, import scripts, or find the global object.
# The engine gives Python an empty object as `js`.
# expect-outcome: raised
# expect-message: AttributeError: fetch
import js

for name in ["self", "globalThis", "postMessage", "importScripts", "XMLHttpRequest", "WebSocket", "eval", "Function"]:
    try:
        print("LEAKED js." + name, getattr(js, name))
    except AttributeError:
        print("blocked: js." + name)

try:
    print("LEAKED", js.constructor.constructor("return self")())
except Exception as error:
    print("blocked: js.constructor.constructor:", type(error).__name__)

js.fetch(input().strip() + "/js-fetch")
