# A lesson that sends the host bytes that are not a batch at all.
# expect-outcome: crashed
# expect-message: invalid trace
import loopscope_engine

loopscope_engine.rec.sink(b"]]]{not a batch" * 1000)
print("LEAKED: garbage was accepted")
