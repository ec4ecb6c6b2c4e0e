# A lesson that sends one batch of 140 MB through the engine's own trace sink: more than any
# run with the default budgets sends (src-shared/run-guard.ts, maxBatchBytes). The host
# refuses it by its size before reading it (the command line by the length its frame starts
# with, before holding the frame in memory): the run ends as crashed with the reason.
# expect-outcome: crashed
# expect-message: of \d+ bytes, more than a run sends
import loopscope_engine

rec = loopscope_engine.rec
loopscope_engine.rec = None
rec.flush()
rec.sink(bytes(140 * 1024 * 1024))
print("LEAKED: a 140 MB batch was accepted")
