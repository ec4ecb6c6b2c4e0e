# Pins down: sys.stdout and sys.stderr are io.TextIOWrapper objects themselves, not stand-ins
# (type() is the class), and still write, flush and reconfigure as CPython's do.
import asyncio
import io
import sys

print(type(sys.stdout) is io.TextIOWrapper, type(sys.stderr) is io.TextIOWrapper)
print(type(sys.stdout).__mro__)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.errors)
print(sys.stderr.name, sys.stderr.errors, sys.stdout.fileno(), sys.stderr.fileno())
print(io.TextIOWrapper.write(sys.stdout, "through the class\n"))


async def main():
    sys.stdout.write("a partial line, ")
    print("then its end", file=sys.stderr, flush=True)
    await asyncio.sleep(0.1)
    print("and the rest")
    try:
        sys.stdout.write(b"bytes")
    except TypeError as error:
        print(error)


asyncio.run(main())
sys.stdout.reconfigure(errors="replace", encoding="ascii")
print("caf\u00e9")
