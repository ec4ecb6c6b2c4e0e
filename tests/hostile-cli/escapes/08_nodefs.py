# Route: Emscripten's NODEFS and Pyodide's mountNodeFS and useNodeSockFS, which in Node reach
# the host's files and sockets through `fs` and `net`; then Python's open() of the mount.
# expect: BLOCKED FS.mount(NODEFS)
# expect: BLOCKED mountNodeFS
_pyodide_core = find_module("_pyodide_core")

pyodide_js = attempt("pyodide_js", pyodide_api)
FS = attempt("pyodide_js.FS", lambda: pyodide_js.FS)
Object, Function = realm_intrinsics()
options = _pyodide_core.to_js({"root": "/"}, dict_converter=Object.fromEntries)
attempt("mkdir /mnt", lambda: FS.mkdir("/mnt"))
if attempt("FS.mount(NODEFS)", lambda: FS.mount(FS.filesystems.NODEFS, options, "/mnt")) is not None:
    escaped("NODEFS")
if attempt("mountNodeFS", lambda: pyodide_js.mountNodeFS("/mnt2", "/")) is not None:
    escaped("mountNodeFS")
attempt("useNodeSockFS", lambda: pyodide_js.useNodeSockFS())
for path in ("/mnt", "/mnt2"):
    data = attempt(f"open {path}{SECRET_PATH}", lambda: open(path + SECRET_PATH).read())
    if data is not None:
        _log.append(f"READ {data}")
        escaped("a host file through a mount")
finish()
