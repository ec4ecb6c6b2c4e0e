# Pins down: the standard streams are instances of io's C classes (TextIOWrapper over
# BufferedWriter over FileIO), and CPython's messages name those classes with their module.
import io
import sys

print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stderr, io.TextIOWrapper))
print(isinstance(sys.stdout.buffer, io.BufferedWriter), isinstance(sys.stdout.buffer.raw, io.FileIO))
print(isinstance(sys.stdin, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase))
print(sys.stdout.__class__, sys.stdout.buffer.__class__, sys.stdout.buffer.raw.__class__)
print(type(sys.stdout), type(sys.stdout).__name__, type(sys.stdout.buffer).__qualname__)
for stream in (sys.stdout, sys.stdout.buffer, sys.stdout.buffer.raw, sys.stdin):
    try:
        stream.colour
    except AttributeError as error:
        print(error)
try:
    len(sys.stderr)
except TypeError as error:
    print(error)
try:
    sys.stdout()
except TypeError as error:
    print(error)
