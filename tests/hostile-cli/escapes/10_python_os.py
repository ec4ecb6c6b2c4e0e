# Route: Python's own ways out: os, subprocess, sockets, ctypes, the environment, signals.
# expect: BLOCKED socket.create_connection
import os
import socket
import subprocess

attempt("os.system", lambda: os.system(f"echo > {MARKER_DIR}/{ROUTE}-system"))
attempt("subprocess.run", lambda: subprocess.run(["sh", "-c", f"echo > {MARKER_DIR}/{ROUTE}-subprocess"]))
attempt("os.fork", lambda: os.fork())
attempt("os.kill", lambda: os.kill(VICTIM_PID, 9))
attempt("socket.create_connection", lambda: socket.create_connection(("127.0.0.1", TCP_PORT), timeout=1).sendall(ROUTE.encode()))
attempt("ctypes", lambda: __import__("ctypes").CDLL(None))
data = attempt("open(secret)", lambda: open(SECRET_PATH).read())
if data is not None:
    _log.append(f"READ {data}")
    escaped("open(secret)")
_log.append(f"ENV {sorted(os.environ)}")
attempt("listdir /", lambda: _log.append(f"LIST {os.listdir('/')}"))
finish()
