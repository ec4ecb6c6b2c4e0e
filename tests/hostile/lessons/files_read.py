# A lesson that tries to read the user's files: their home folder, their SSH keys, the
# system's password file, and the host's real file system through Emscripten's NODEFS.
# The engine sees only its own in-memory file system, which holds none of them.
# expect-outcome: raised
# expect-message: FileNotFoundError: \[Errno 2\] No such file or directory: '/etc/passwd'
import os

for attempt in ["~/.ssh/id_rsa", "/home/teacher/Documents", "C:\\Users\\teacher\\Desktop", "/Users"]:
    path = os.path.expanduser(attempt)
    try:
        print("LEAKED", path, os.listdir(path) if os.path.isdir(path) else open(path).read()[:80])
    except OSError as error:
        print("blocked:", type(error).__name__, path)

try:
    import pyodide_js
    fs = pyodide_js.FS
    fs.mkdir("/host")
    fs.mount(fs.filesystems.NODEFS, {"root": "/"}, "/host")
    print("LEAKED host file system:", os.listdir("/host"))
except Exception as error:
    print("blocked: mounting the host's files:", type(error).__name__)

print(open("/etc/passwd").read())
