# A lesson that eats memory until there is none left, and catches the MemoryError it gets and
# the stop after it, to eat on. The memory budget ends it (2 GB by default; 600 MB here, so
# that the suite does not fill gigabytes), on every host: the interpreter grows its memory no
# further, whatever the program catches.
# expect-outcome: budget
# expect-message: memory budget
# budget: maxMemoryMb=600 maxWallMs=60000
chunks = []
while True:
    try:
        chunks.append(b"x" * (64 * 1024 * 1024))
    except BaseException:
        pass
