# Pins down: sys.__stdout__ and sys.__stderr__ are the program's streams, fileno() 1 and 2.
import sys

print("via __stdout__", file=sys.__stdout__)
print("via __stderr__", file=sys.__stderr__)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.isatty() if hasattr(sys.stdin, "isatty") else None)
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors)
