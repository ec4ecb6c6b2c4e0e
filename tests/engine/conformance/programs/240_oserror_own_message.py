import errno, os
def show(e):
    print(type(e).__name__, str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
for args in [(5, "disk on fire"), (5, "disk on fire", "f.txt"), (5, "disk on fire", "a", None, "b"),
             (errno.ENOENT, "gone"), (errno.ECONNREFUSED, "nope"), (97, "custom"), ("x", "y"), (5,), (5, "a", "b", "c", "d", "e")]:
    try:
        raise OSError(*args)
    except OSError as e:
        show(e)
for cls in (ConnectionResetError, TimeoutError, FileNotFoundError, BlockingIOError):
    try:
        raise cls(11, "my text")
    except OSError as e:
        show(e)
try:
    open("/definitely/not/here")
except OSError as e:
    show(e)
try:
    os.close(9999)
except OSError as e:
    show(e)
