# Pins down: an uncaught KeyboardInterrupt at module level: traceback, atexit, then status 130.
import atexit

atexit.register(print, "atexit runs")
print("before")
raise KeyboardInterrupt("stop here")
