# A lesson that forges an event of a kind the trace does not have, carrying a script, after
# the events really recorded so far.
# expect-outcome: crashed
# expect-message: invalid trace
import json

import loopscope_engine

rec = loopscope_engine.rec
rec.flush()
# A batch in the wire format (docs/trace-format.md, "On the wire"), with a row whose kind is
# no index of the schema's.
rec.sink(json.dumps([rec.seq, ["js.eval", 0, "alert(document.cookie)"]]))
rec.seq += 1
print("LEAKED: a forged kind was accepted")
