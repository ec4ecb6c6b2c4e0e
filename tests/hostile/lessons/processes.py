# A lesson that tries to start processes: a shell, a fork, an exec, a subprocess.
# WebAssembly has no processes.
# expect-outcome: raised
# expect-message: OSError: \[Errno 95\] emscripten does not support processes
import os
import subprocess

status = os.system("rm -rf ~")
print("os.system returned", status)
for name, action in [("fork", os.fork), ("exec", lambda: os.execv("/bin/sh", ["sh", "-c", "id"]))]:
    try:
        action()
        print("LEAKED", name)
    except OSError as error:
        print("blocked:", name, error)

subprocess.run(["sh", "-c", "id > /tmp/pwned"], check=True)
