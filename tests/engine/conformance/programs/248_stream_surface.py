import sys, io
for s in (sys.stdout, sys.stderr):
    print(type(s), type(s).__name__, type(s).__qualname__, type(s).__module__, type(s.buffer), type(s.buffer).__name__)
    for call in ("tell()", "seek(0)", "seek(0, 2)", "read()", "read(1)", "readline()", "readlines()", "truncate()", "detach", "seekable()", "readable()", "writable()"):
        try:
            r = eval("s." + call)
            if call == "detach":
                r = callable(r)
            print(call, "->", r)
        except Exception as e:
            print(call, "!", type(e).__module__, type(e).__name__, e)
    raw = s.buffer.raw
    print(raw, type(raw).__name__, type(raw).__module__, raw.name, raw.mode, raw.closefd, raw.fileno(), raw.readable(), raw.writable(), raw.seekable(), raw.isatty(), raw.closed)
    for call in ("tell()", "read(1)", "seek(0)"):
        try:
            print(call, "->", eval("raw." + call))
        except Exception as e:
            print(call, "!", type(e).__module__, type(e).__name__, e)
    print(s.buffer.raw is s.buffer.raw)
sys.stdout.flush()
n = sys.stdout.buffer.raw.write(b"raw bytes\n")
print("wrote", n)
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout.buffer, io.BufferedIOBase), isinstance(sys.stdout.buffer.raw, io.RawIOBase))
