# Route: the import hook's cached proxies (`jsfinder.jsproxies`) hold `pyodide_js` and the
# `js` module's object; from any of their functions, the Function constructor.
# expect: REACHED pyodide_js.runPython.constructor
# expect: BLOCKED pyodide_js.runPython.constructor('return process')
proxies = sys.modules["_pyodide._importhook"].jsfinder.jsproxies
for name, proxy in list(proxies.items()):
    reached(f"jsproxies[{name!r}]")
    try_object(proxy, name)
pyodide_js = proxies["pyodide_js"]
try_compile(pyodide_js.runPython, "pyodide_js.runPython")
try_compile(pyodide_js._api.scheduleCallback, "pyodide_js._api.scheduleCallback")
try_object(pyodide_js._api, "pyodide_js._api")
try_object(pyodide_js._module, "pyodide_js._module")
finish()
