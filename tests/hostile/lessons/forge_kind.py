# A lesson that forges an event of a kind the trace does not have, carrying a script, after
# the events really recorded so far.
# expect-outcome: crashed
# expect-message: invalid trace
import loopscope_engine
from loopscope_trace import encode_batch

rec = loopscope_engine.rec
rec.flush()
# A batch in the wire format (docs/trace-format.md, "On the wire"), with an event whose kind
# is no index of the schema's.
rec.sink(encode_batch([rec.seq, -1, 0, "js.eval", "alert(document.cookie)"]))
print("LEAKED: a forged kind was accepted")
