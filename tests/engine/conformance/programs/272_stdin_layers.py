# Pins down: sys.stdin is CPython's own layers over descriptor 0 (a TextIOWrapper over a BufferedReader over a FileIO), named <stdin>.
import os
import sys

print(repr(sys.stdin))
print(repr(sys.stdin.buffer), repr(sys.stdin.buffer.raw))
print(sys.stdin.fileno(), sys.stdin.encoding, sys.stdin.errors, sys.stdin.mode)
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.closed)
print(repr(sys.stdin.buffer.read()), repr(os.read(0, 10)), repr(sys.stdin.read()))
try:
    input()
except EOFError as error:
    print("EOFError:", error)
