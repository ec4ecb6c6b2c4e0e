# Pins down: error numbers are Linux's, in an OSError the interpreter raises (a file that is not
# there) and in the errno module, and OSError picks its subclass by them.
import asyncio
import errno
import os

try:
    open("no_such_file.txt")
except OSError as error:
    print(type(error).__name__, error.errno, error.errno == errno.ENOENT, error)
    print(error.args, error.strerror)
print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.ECONNREFUSED, errno.EPIPE)
print(f"{errno.ENOENT:>4}|{errno.EINVAL:x}")
print(errno.errorcode[errno.ENOENT], errno.ENOENT == 2, errno.ECONNREFUSED == 111)
print(type(OSError(errno.ENOENT, "gone")).__name__, type(OSError(errno.EEXIST, "there")).__name__)


async def main():
    try:
        os.mkdir(".")
    except FileExistsError as error:
        print(repr(error))
    try:
        await asyncio.to_thread(os.listdir, "no_such_folder")
    except OSError as error:
        print(type(error).__name__, error)


asyncio.run(main())
os.remove("no_such_file.txt")
