# The signal module's constants, and the handlers signal() and getsignal() return, are Linux's.
import signal

print(int(signal.SIG_IGN), int(signal.SIG_DFL), repr(signal.SIG_IGN), repr(signal.SIG_DFL))
print(signal.SIG_IGN == 1, signal.Handlers(1), signal.Handlers.__module__)
print(signal.SIGRTMIN, signal.SIGRTMAX, signal.SIGCLD, signal.SIGIOT, signal.NSIG)
print(sorted(int(s) for s in signal.valid_signals()) == [*range(1, 32), *range(34, 65)])
print(repr(signal.Signals(34)), repr(signal.Signals["SIGCLD"]), repr(signal.SIGRTMIN))
for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGUSR1, signal.SIGHUP):
    print(repr(signum), repr(signal.getsignal(signum)))
    for handler in (signal.SIG_IGN, 0, 1, print, signal.SIG_DFL):
        print(" ", repr(signal.signal(signum, handler)), repr(signal.getsignal(signum)))
for bad in (2, 4294967294, "x"):
    try:
        signal.signal(signal.SIGTERM, bad)
    except TypeError as error:
        print(bad, error)
signal.signal(signal.SIGINT, signal.default_int_handler)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
