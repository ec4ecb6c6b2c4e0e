# A lesson that forges a million well-formed events through the engine's own trace sink,
# far past the run's event budget, bypassing the engine's count. The host counts what it
# receives: the run ends as crashed with the reason, and the worker that sent them is ended.
# expect-outcome: crashed
# expect-message: more events than the run’s budget allows
import loopscope_engine

rec = loopscope_engine.rec
# The recorder would number the program's own lines: it is silenced, and its count taken over.
loopscope_engine.rec = None
rec.flush()
BATCH = 10_000
for first in range(rec.seq, rec.seq + 1_000_000, BATCH):
    events = ",".join(
        f'{{"seq":{seq},"t":0,"kind":"line","line":1,"task":null}}'
        for seq in range(first, first + BATCH)
    )
    rec.sink(f"[{events}]")
print("LEAKED: a million forged events were accepted")
