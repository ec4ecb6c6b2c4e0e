# Pins down: replacing sys.stdout with another stream and restoring it from sys.__stdout__.
import contextlib
import io
import sys

captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    print("hidden")
print("captured:", repr(captured.getvalue()))
sys.stdout = io.StringIO()
print("lost")
sys.stdout = sys.__stdout__
print("restored")
