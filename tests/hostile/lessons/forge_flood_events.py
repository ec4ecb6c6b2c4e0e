# A lesson that forges a million well-formed events through the engine's own trace sink,
# far past the run's event budget, bypassing the engine's count. The host counts what it
# receives: the run ends as crashed with the reason, and the worker that sent them is ended.
# expect-outcome: crashed
# expect-message: more events than the run’s budget allows
import loopscope_engine
from loopscope_trace import encode_batch

rec = loopscope_engine.rec
# The recorder would number the program's own lines: it is silenced, and its count taken over.
loopscope_engine.rec = None
rec.flush()
BATCH = 10_000
# Batches in the wire format (docs/trace-format.md, "On the wire"): [first seq, -1, time,
# events...].
event = [rec.kinds["line"], 1, None]
for first in range(rec.seq, rec.seq + 1_000_000, BATCH):
    rec.sink(encode_batch([first, -1, 0] + event * BATCH))
print("LEAKED: a million forged events were accepted")
