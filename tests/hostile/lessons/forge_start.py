# A lesson that forges the engine's messages: it finds the engine's trace sink and sends a
# trace that claims the program ended before it started. The host refuses the trace, ends
# the run as crashed, and ends the worker that sent it.
# expect-outcome: crashed
# expect-message: invalid trace
import loopscope_engine

loopscope_engine.rec.sink('[{"seq":0,"t":0,"kind":"run.end","outcome":"completed","exitCode":0}]')
print("LEAKED: a forged end was accepted")
