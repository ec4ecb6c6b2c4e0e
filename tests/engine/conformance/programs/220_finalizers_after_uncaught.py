# Pins down: at exit, what an uncaught exception's frames hold is freed (sys.last_exc is
# cleared first), so its finalizers speak, after the traceback, before the module's globals.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def fail():
    local = Noisy("a local of the failing frame")
    raise ValueError("boom")


kept = Noisy("a global")
fail()
