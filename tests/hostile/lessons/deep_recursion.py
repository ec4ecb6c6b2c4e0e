# A lesson that lifts the recursion limit and recurses without end. Traced line by line, it
# runs into the event budget long before it could exhaust the WebAssembly stack.
# expect-outcome: budget
# expect-message: (events|wall-time) budget
import sys

sys.setrecursionlimit(10**7)


def down(n):
    return down(n + 1) + 1


down(0)
