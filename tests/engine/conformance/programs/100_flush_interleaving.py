# Pins down: print(..., flush=True) to stdout and stderr keeps each stream's own order.
import sys

for i in range(3):
    print("out", i, flush=True)
    print("err", i, file=sys.stderr, flush=True)
sys.stdout.write("partial ")
sys.stdout.write("line\n")
sys.stderr.write("no newline at the end")
