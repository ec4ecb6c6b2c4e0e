# Pins down: the collection at exit is PyGC_Collect's, which does nothing while the program
# has disabled the collector: its cycles are then freed with the modules (sys.meta_path None).
import gc
import sys

gc.disable()


class Cycle:
    def __del__(self):
        print("cycle freed, meta_path is None:", sys.meta_path is None)


cycle = Cycle()
cycle.me = cycle
del cycle
print("end of program")
