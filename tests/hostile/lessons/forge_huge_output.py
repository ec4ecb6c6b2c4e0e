# A lesson that forges one batch holding 40 MB of output (four events of 10 MB) through the
# engine's own trace sink, bypassing the engine's output budget (16 MiB). The host counts
# what it receives: the run ends as crashed with the reason, and the page never shows it.
# expect-outcome: crashed
# expect-message: more output than the run’s budget allows
import loopscope_engine
from loopscope_trace import encode_batch

rec = loopscope_engine.rec
# The recorder would number the program's own lines: it is silenced, and its count taken over.
loopscope_engine.rec = None
rec.flush()
text = "x" * (10 * 1024 * 1024)
# A batch in the wire format (docs/trace-format.md, "On the wire"): [first seq, -1, time,
# events...].
rec.sink(encode_batch([rec.seq, -1, 0] + [rec.kinds["output"], "stdout", text] * 4))
print("LEAKED: 40 MB of forged output were accepted")
