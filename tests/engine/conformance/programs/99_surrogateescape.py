# Pins down: stdout writes a lone surrogate from surrogateescape as its byte; stderr shows it escaped.
import sys

name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
print("file:", name)
print("file:", name, file=sys.stderr)
try:
    print("\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, e.end)
print(ascii(name))
