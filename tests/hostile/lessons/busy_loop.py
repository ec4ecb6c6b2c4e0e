# A lesson that never ends: a bare infinite loop.
# expect-outcome: budget
# expect-message: (events|wall-time) budget
# budget: maxWallMs=3000
while True:
    pass
