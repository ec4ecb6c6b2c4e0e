# A lesson that tries Pyodide's `run_js`, which evaluates a string as JavaScript.
# It needs `js.eval`, and the engine's `js` is an empty object.
# expect-outcome: raised
# expect-message: ImportError: cannot import name 'eval' from 'js'
from pyodide.code import run_js

print("LEAKED", run_js("self.location.href"))
