# Pins down: sys.exit("message") prints the message to stderr before atexit handlers run.
import atexit
import sys


def goodbye(name):
    print(f"goodbye from {name}")
    print(f"stderr goodbye from {name}", file=sys.stderr)


atexit.register(goodbye, "first")
atexit.register(goodbye, "second")
print("working")
sys.exit("fatal: configuration missing")
