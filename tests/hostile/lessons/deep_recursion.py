# A lesson that lifts the recursion limit and recurses without end. Python-to-Python calls use
# no C stack, and its hot lines run untraced at full speed: the time budget stops it before it
# could exhaust the interpreter's memory.
# expect-outcome: budget
# expect-message: (events|wall-time) budget
import sys

sys.setrecursionlimit(10**7)


def down(n):
    return down(n + 1) + 1


down(0)
