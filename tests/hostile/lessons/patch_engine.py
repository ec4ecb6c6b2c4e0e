# A lesson that disarms the engine's own budget checks from the inside, then loops forever.
# The budgets are enforced again outside Python: the host ends the worker.
# expect-outcome: budget
# expect-message: wall-time budget
# budget: maxWallMs=2000
import loopscope_engine

loopscope_engine.Recorder.check_limits = lambda self: None
loopscope_engine.Recorder.checkpoint = lambda self: None
loopscope_engine.Recorder.emit = lambda self, kind, fields: None
print("budgets disarmed")
while True:
    pass
