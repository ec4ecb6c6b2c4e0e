# Pins down: print's sep, end and file arguments, and writes to a StringIO in between.
import io
import sys

print("a", "b", "c", sep="-", end="!\n")
buffer = io.StringIO()
print("into a buffer", file=buffer)
print(repr(buffer.getvalue()))
print("x", end="")
print("y", end="")
print()
print(*range(5), sep=", ", file=sys.stderr)
