# Pins down: finally blocks run on sys.exit, and the status is the last SystemExit's.
import sys

try:
    try:
        sys.exit(2)
    finally:
        print("inner finally")
except SystemExit as e:
    print("caught", e.code)
    try:
        sys.exit(None)
    except SystemExit as e2:
        print("exit(None) code:", e2.code)
print("still running")
sys.exit(False)
