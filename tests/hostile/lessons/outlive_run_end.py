# A lesson that ends its run early and goes on in its worker: it forges a well-formed
# `run.end` through the engine's own trace sink, so that the host takes its run as over, then
# keeps the worker busy (a later run given to it would never start) and fills the
# interpreter's memory, forever. The host ends a run's worker with its run: the program dies
# with it, and the runs after it, in fresh workers, are untouched.
# expect-outcome: completed
# expect-message: ending the run early
# resident-for: 8
import loopscope_engine
from loopscope_trace import encode_batch

rec = loopscope_engine.rec
print("ending the run early, and staying")
# The recorder would go on numbering the program's lines: it is silenced, and its count taken.
loopscope_engine.rec = None
rec.flush()
# A batch in the wire format (docs/trace-format.md, "On the wire"); run.end's optional fields
# absent.
end = rec.kinds["run.end"]
rec.sink(encode_batch([rec.seq, -1, rec.now, end, "completed", 0] + [False] * (len(rec.fields[end]) - 2)))
kept = []
while True:
    try:
        kept.append(bytearray(64 * 1024 * 1024))
    except MemoryError:
        pass
    print("LEAKED: still running after the run ended")
