# A lesson that forges an event of a kind the trace does not have, carrying a script, after
# the events really recorded so far.
# expect-outcome: crashed
# expect-message: invalid trace
import json

import loopscope_engine

rec = loopscope_engine.rec
rec.flush()
rec.sink(json.dumps([{"seq": rec.seq, "t": 0, "kind": "js.eval", "code": "alert(document.cookie)"}]))
rec.seq += 1
print("LEAKED: a forged kind was accepted")
