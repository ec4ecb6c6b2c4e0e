# Pins down: a never-awaited coroutine's RuntimeWarning, made an error by a warnings filter,
# is an unraisable exception raised in the standard library's _warn_unawaited_coroutine,
# whose frame its traceback shows.
import sys
import traceback
import warnings


def hook(unraisable):
    message = unraisable.err_msg or f"Exception ignored in: {unraisable.object!r}"
    print(message.split(" at 0x")[0], repr(unraisable.exc_value))
    for frame in traceback.extract_tb(unraisable.exc_traceback):
        print(" ", frame.filename.rsplit("/", 1)[-1], frame.name, frame.line)


async def never():
    pass


sys.unraisablehook = hook
warnings.simplefilter("error", RuntimeWarning)
never()
print("the program goes on")
