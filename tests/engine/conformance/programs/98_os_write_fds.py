# Pins down: os.write to descriptors 1 and 2 reaches stdout and stderr, returning the byte count.
import os
import sys

sys.stdout.flush()
print(os.write(1, b"raw to stdout\n"), file=sys.stderr)
os.write(2, "raw to stderr é\n".encode())
print("printed after", flush=True)
os.write(1, memoryview(b"from a memoryview\n"))
