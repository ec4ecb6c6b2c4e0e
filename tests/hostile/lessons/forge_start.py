# A lesson that forges the engine's messages: it finds the engine's trace sink and sends a
# trace that claims the program ended before it started. The host refuses the trace, ends
# the run as crashed, and ends the worker that sent it.
# expect-outcome: crashed
# expect-message: invalid trace
import loopscope_engine
from loopscope_trace import encode_batch

rec = loopscope_engine.rec
# A batch in the wire format (docs/trace-format.md, "On the wire"); run.end's optional fields
# absent.
end = rec.kinds["run.end"]
rec.sink(encode_batch([0, -1, 0, end, "completed", 0] + [False] * (len(rec.fields[end]) - 2)))
print("LEAKED: a forged end was accepted")
