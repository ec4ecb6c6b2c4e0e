# A lesson that computes for ever inside C code, where the engine cannot check its budgets:
# the host ends the engine's worker after the time budget and its grace, keeps the trace so
# far (the next run has a worker of its own).
# expect-outcome: budget
# expect-message: wall-time budget
# budget: maxWallMs=2000
print("computing...")
print(sum(range(10**15)))
