# A lesson that ends the interpreter itself rather than the program, with os._exit. As in
# CPython, the run ends at once with that status (no atexit handler, no flush), and the engine
# starts a fresh interpreter for the next run.
# expect-outcome: completed
# expect-message: ending the interpreter\n(.|\n)*run ended: completed
import atexit
import os

atexit.register(print, "LEAKED: an atexit handler ran after os._exit")
print("ending the interpreter", flush=True)
os._exit(3)
