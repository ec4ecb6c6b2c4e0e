# A lesson that looks for JavaScript's Function constructor behind any function the
# interpreter exposes, and for a timer that runs a string. Under the page's CSP neither
# turns a string into code.
# expect-outcome: raised
# expect-message: EvalError
import pyodide_js

candidates = [pyodide_js.FS.close, pyodide_js._module.FS.close, pyodide_js.runPython, pyodide_js.loadPackage]
for index, function in enumerate(candidates):
    try:
        print("LEAKED", function.constructor("return typeof importScripts")())
    except Exception as error:
        print("blocked: candidate", index, type(error).__name__)

async_function = pyodide_js.runPythonAsync.constructor
print("LEAKED", async_function("return await fetch('/exfil/async')")())
