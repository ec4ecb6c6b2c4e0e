# A lesson that sends the host something that is not JSON at all.
# expect-outcome: crashed
# expect-message: invalid trace
import loopscope_engine

loopscope_engine.rec.sink("]]]{not json" * 1000)
print("LEAKED: garbage was accepted")
