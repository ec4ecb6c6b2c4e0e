# Route: Pyodide's loaders that take a path (loadPackage, loadBinaryFile, loadDynlib), which in
# this realm read through the shell's `readbuffer`: the child's host answers only for
# Pyodide's own three files (tests/engine/cli-realm-host.test.ts). The loaders are
# asynchronous, and a run never yields to JavaScript: they get no further during the run, and
# the child is gone after it. Python's own open() sees only the interpreter's memory. And the
# engine drops Pyodide's API before a program runs (`cut_bridges`): the loaders are out of reach.
# expect: BLOCKED loadPackage(secret)
# expect: BLOCKED open(/etc/hostname)
pyodide_js = attempt("pyodide_js", pyodide_api)
api = attempt_quietly(lambda: pyodide_js._api)
for what, action in [
    ("loadPackage(secret)", lambda: pyodide_js.loadPackage(SECRET_PATH)),
    ("loadPackage(micropip)", lambda: pyodide_js.loadPackage("micropip")),
    ("loadBinaryFile(secret)", lambda: api.loadBinaryFile(SECRET_PATH)),
    ("loadDynlib(secret)", lambda: api.loadDynlib(SECRET_PATH, True)),
]:
    result = attempt(what, action)
    if result is not None and "then" in dir(result):
        reached(f"{what}: a promise")
    elif result is not None:
        _log.append(f"READ {result!r}")
        escaped(what)
for path in (SECRET_PATH, "/etc/hostname", "/proc/self/environ"):
    data = attempt(f"open({path})", lambda: open(path, "rb").read())
    if data:
        _log.append(f"READ {data!r}")
finish()
