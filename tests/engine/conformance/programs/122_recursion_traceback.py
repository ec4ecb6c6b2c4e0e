# Pins down: an uncaught RecursionError's traceback, repeated lines folded.
def down(n):
    return down(n + 1)


down(0)
