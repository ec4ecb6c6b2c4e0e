# Route: the import hook's cached proxies (`jsfinder.jsproxies`) hold `pyodide_js` and the
# `js` module's object; from any of their functions, the Function constructor. The engine
# empties that cache before a program runs (`cut_bridges`): the module is found, its cache is not.
# expect: REACHED module _pyodide._importhook
# expect: BLOCKED jsproxies['pyodide_js']: KeyError
proxies = find_module("_pyodide._importhook").jsfinder.jsproxies
for name, proxy in list(proxies.items()):
    reached(f"jsproxies[{name!r}]")
    try_object(proxy, name)
pyodide_js = attempt("jsproxies['pyodide_js']", lambda: proxies["pyodide_js"])
if pyodide_js is not None:
    try_compile(pyodide_js.runPython, "pyodide_js.runPython")
    try_compile(pyodide_js._api.scheduleCallback, "pyodide_js._api.scheduleCallback")
    try_object(pyodide_js._api, "pyodide_js._api")
    try_object(pyodide_js._module, "pyodide_js._module")
finish()
