# Pins down: what the standard streams say about themselves: reprs, names, modes, descriptors,
# encodings; stdin from /dev/null reads nothing, and input() meets EOFError.
import sys

for stream in (sys.stdout, sys.stderr, sys.stdin):
    print(repr(stream), stream.name, stream.mode, stream.fileno(), stream.encoding, stream.isatty())
print(sys.stdout.errors, sys.stderr.errors, sys.stdin.errors)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input("prompt> ")
except EOFError as e:
    print("EOF", repr(e))
