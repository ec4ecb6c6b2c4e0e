# A lesson that ends the interpreter itself rather than the program. The run ends as
# crashed with the reason, and the engine starts a fresh interpreter for the next run.
# expect-outcome: crashed
# expect-message: Program terminated with exit\(3\)
import os

print("ending the interpreter")
os._exit(3)
