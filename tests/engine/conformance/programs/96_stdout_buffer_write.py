# Pins down: sys.stdout.buffer takes bytes, and its writes keep their order with flushed text.
import sys

print("text first", flush=True)
written = sys.stdout.buffer.write(b"bytes second\n")
sys.stdout.buffer.flush()
print("count", written, flush=True)
try:
    sys.stdout.buffer.write("not bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
