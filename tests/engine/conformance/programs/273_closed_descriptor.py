# Pins down: closing the file a program opened on descriptor 1 closes the descriptor: print then fails with EBADF, and so does the flush at the exit (status 120).
import sys

print("before", flush=True)
with open(1, "w") as out:
    out.write("through the file\n")
try:
    print("after", flush=True)
except OSError as error:
    print("print failed:", error, file=sys.stderr)
