# Pins down: time.sleep rejects NaN, infinity, negative and non-numeric arguments as CPython does.
import time


class Seconds:
    def __index__(self):
        return 0


for value in (float("nan"), float("inf"), -float("inf"), -1, -0.5, 1e20, 2**70, "1", None, Seconds(), True, 0):
    try:
        time.sleep(value)
        print(repr(value) if not isinstance(value, Seconds) else "Seconds()", "ok")
    except Exception as e:
        print(type(e).__name__, e)
