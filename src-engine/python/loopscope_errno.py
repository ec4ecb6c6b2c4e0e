"""Linux's error numbers, as a program on native CPython sees them.

Pyodide's `errno` numbers are Emscripten's: ENOENT is 44, not 2, and ECONNREFUSED 14, not 111.
An `OSError` the interpreter raises carries Emscripten's number, and CPython picks its
subclass (FileNotFoundError, ConnectionRefusedError…) by it. So the numbers stay Emscripten's
inside the interpreter, and are Linux's to the eye: `LinuxErrno` is an int whose value is
Emscripten's and which prints, formats and compares equal as Linux's. The `errno` module's
constants are such numbers, and so is the `errno` of every OSError raised in a run
(`on_raise`, a `sys.monitoring` RAISE callback), with Linux's text for its `strerror`.
"""

import errno
from os import strerror as _strerror

# Each error's name, Linux's number for it, and glibc's text (from CPython on Linux).
LINUX = {
    "E2BIG": (7, 'Argument list too long'),
    "EACCES": (13, 'Permission denied'),
    "EADDRINUSE": (98, 'Address already in use'),
    "EADDRNOTAVAIL": (99, 'Cannot assign requested address'),
    "EADV": (68, 'Advertise error'),
    "EAFNOSUPPORT": (97, 'Address family not supported by protocol'),
    "EAGAIN": (11, 'Resource temporarily unavailable'),
    "EALREADY": (114, 'Operation already in progress'),
    "EBADE": (52, 'Invalid exchange'),
    "EBADF": (9, 'Bad file descriptor'),
    "EBADFD": (77, 'File descriptor in bad state'),
    "EBADMSG": (74, 'Bad message'),
    "EBADR": (53, 'Invalid request descriptor'),
    "EBADRQC": (56, 'Invalid request code'),
    "EBADSLT": (57, 'Invalid slot'),
    "EBFONT": (59, 'Bad font file format'),
    "EBUSY": (16, 'Device or resource busy'),
    "ECANCELED": (125, 'Operation canceled'),
    "ECHILD": (10, 'No child processes'),
    "ECHRNG": (44, 'Channel number out of range'),
    "ECOMM": (70, 'Communication error on send'),
    "ECONNABORTED": (103, 'Software caused connection abort'),
    "ECONNREFUSED": (111, 'Connection refused'),
    "ECONNRESET": (104, 'Connection reset by peer'),
    "EDEADLOCK": (35, 'Resource deadlock avoided'),
    "EDESTADDRREQ": (89, 'Destination address required'),
    "EDOM": (33, 'Numerical argument out of domain'),
    "EDOTDOT": (73, 'RFS specific error'),
    "EDQUOT": (122, 'Disk quota exceeded'),
    "EEXIST": (17, 'File exists'),
    "EFAULT": (14, 'Bad address'),
    "EFBIG": (27, 'File too large'),
    "EHOSTDOWN": (112, 'Host is down'),
    "EHOSTUNREACH": (113, 'No route to host'),
    "EIDRM": (43, 'Identifier removed'),
    "EILSEQ": (84, 'Invalid or incomplete multibyte or wide character'),
    "EINPROGRESS": (115, 'Operation now in progress'),
    "EINTR": (4, 'Interrupted system call'),
    "EINVAL": (22, 'Invalid argument'),
    "EIO": (5, 'Input/output error'),
    "EISCONN": (106, 'Transport endpoint is already connected'),
    "EISDIR": (21, 'Is a directory'),
    "EISNAM": (120, 'Is a named type file'),
    "EKEYEXPIRED": (127, 'Key has expired'),
    "EKEYREJECTED": (129, 'Key was rejected by service'),
    "EKEYREVOKED": (128, 'Key has been revoked'),
    "EL2HLT": (51, 'Level 2 halted'),
    "EL2NSYNC": (45, 'Level 2 not synchronized'),
    "EL3HLT": (46, 'Level 3 halted'),
    "EL3RST": (47, 'Level 3 reset'),
    "ELIBACC": (79, 'Can not access a needed shared library'),
    "ELIBBAD": (80, 'Accessing a corrupted shared library'),
    "ELIBEXEC": (83, 'Cannot exec a shared library directly'),
    "ELIBMAX": (82, 'Attempting to link in too many shared libraries'),
    "ELIBSCN": (81, '.lib section in a.out corrupted'),
    "ELNRNG": (48, 'Link number out of range'),
    "ELOOP": (40, 'Too many levels of symbolic links'),
    "EMEDIUMTYPE": (124, 'Wrong medium type'),
    "EMFILE": (24, 'Too many open files'),
    "EMLINK": (31, 'Too many links'),
    "EMSGSIZE": (90, 'Message too long'),
    "EMULTIHOP": (72, 'Multihop attempted'),
    "ENAMETOOLONG": (36, 'File name too long'),
    "ENAVAIL": (119, 'No XENIX semaphores available'),
    "ENETDOWN": (100, 'Network is down'),
    "ENETRESET": (102, 'Network dropped connection on reset'),
    "ENETUNREACH": (101, 'Network is unreachable'),
    "ENFILE": (23, 'Too many open files in system'),
    "ENOANO": (55, 'No anode'),
    "ENOBUFS": (105, 'No buffer space available'),
    "ENOCSI": (50, 'No CSI structure available'),
    "ENODATA": (61, 'No data available'),
    "ENODEV": (19, 'No such device'),
    "ENOENT": (2, 'No such file or directory'),
    "ENOEXEC": (8, 'Exec format error'),
    "ENOKEY": (126, 'Required key not available'),
    "ENOLCK": (37, 'No locks available'),
    "ENOLINK": (67, 'Link has been severed'),
    "ENOMEDIUM": (123, 'No medium found'),
    "ENOMEM": (12, 'Cannot allocate memory'),
    "ENOMSG": (42, 'No message of desired type'),
    "ENONET": (64, 'Machine is not on the network'),
    "ENOPKG": (65, 'Package not installed'),
    "ENOPROTOOPT": (92, 'Protocol not available'),
    "ENOSPC": (28, 'No space left on device'),
    "ENOSR": (63, 'Out of streams resources'),
    "ENOSTR": (60, 'Device not a stream'),
    "ENOSYS": (38, 'Function not implemented'),
    "ENOTBLK": (15, 'Block device required'),
    "ENOTCONN": (107, 'Transport endpoint is not connected'),
    "ENOTDIR": (20, 'Not a directory'),
    "ENOTEMPTY": (39, 'Directory not empty'),
    "ENOTNAM": (118, 'Not a XENIX named type file'),
    "ENOTRECOVERABLE": (131, 'State not recoverable'),
    "ENOTSOCK": (88, 'Socket operation on non-socket'),
    "ENOTSUP": (95, 'Operation not supported'),
    "ENOTTY": (25, 'Inappropriate ioctl for device'),
    "ENOTUNIQ": (76, 'Name not unique on network'),
    "ENXIO": (6, 'No such device or address'),
    "EOVERFLOW": (75, 'Value too large for defined data type'),
    "EOWNERDEAD": (130, 'Owner died'),
    "EPERM": (1, 'Operation not permitted'),
    "EPFNOSUPPORT": (96, 'Protocol family not supported'),
    "EPIPE": (32, 'Broken pipe'),
    "EPROTO": (71, 'Protocol error'),
    "EPROTONOSUPPORT": (93, 'Protocol not supported'),
    "EPROTOTYPE": (91, 'Protocol wrong type for socket'),
    "ERANGE": (34, 'Numerical result out of range'),
    "EREMCHG": (78, 'Remote address changed'),
    "EREMOTE": (66, 'Object is remote'),
    "EREMOTEIO": (121, 'Remote I/O error'),
    "ERESTART": (85, 'Interrupted system call should be restarted'),
    "ERFKILL": (132, 'Operation not possible due to RF-kill'),
    "EROFS": (30, 'Read-only file system'),
    "ESHUTDOWN": (108, 'Cannot send after transport endpoint shutdown'),
    "ESOCKTNOSUPPORT": (94, 'Socket type not supported'),
    "ESPIPE": (29, 'Illegal seek'),
    "ESRCH": (3, 'No such process'),
    "ESRMNT": (69, 'Srmount error'),
    "ESTALE": (116, 'Stale file handle'),
    "ESTRPIPE": (86, 'Streams pipe error'),
    "ETIME": (62, 'Timer expired'),
    "ETIMEDOUT": (110, 'Connection timed out'),
    "ETOOMANYREFS": (109, 'Too many references: cannot splice'),
    "ETXTBSY": (26, 'Text file busy'),
    "EUCLEAN": (117, 'Structure needs cleaning'),
    "EUNATCH": (49, 'Protocol driver not attached'),
    "EUSERS": (87, 'Too many users'),
    "EXDEV": (18, 'Invalid cross-device link'),
    "EXFULL": (54, 'Exchange full'),
}

# Emscripten's number -> (Linux's number, Linux's text).
_BY_CODE = {getattr(errno, name): row for name, row in LINUX.items() if hasattr(errno, name)}


class LinuxErrno(int):
    """An error number that is Pyodide's to the interpreter (so that `OSError(n, ...)` is the
    right subclass and `n == errno.ECONNREFUSED`) and Linux's to the eye: it prints, formats
    and compares equal as the number native CPython shows."""

    __slots__ = ()

    @classmethod
    def of(cls, code):
        return cls(code) if code in _BY_CODE else code

    def linux(self):
        return _BY_CODE[int(self)][0]

    def __repr__(self):
        return repr(self.linux())

    __str__ = __repr__

    def __format__(self, spec):
        return format(self.linux(), spec)

    def __eq__(self, other):
        return int.__eq__(self, other) is True or other == self.linux()

    def __ne__(self, other):
        return not self == other

    __hash__ = int.__hash__


def message(code):
    """Linux's text for Emscripten's error number `code`."""
    return _BY_CODE[code][1]


def error(cls, code, *args):
    """An OSError of class `cls` as Linux raises it for Emscripten's error number `code`."""
    return cls(LinuxErrno.of(code), message(code), *args)


def on_raise(code, offset, exc):
    """sys.monitoring's RAISE: an OSError raised with Emscripten's number gets Linux's.

    Only an error that is Emscripten's own, a number with Emscripten's text for it (as the
    interpreter raises it from a failed call), is translated: a program's own
    `OSError(5, "disk on fire")` keeps its number and its message, as natively."""
    if isinstance(exc, OSError):
        number = exc.errno
        if type(number) is int and number in _BY_CODE and _is_emscriptens(number, exc.strerror):
            linux = LinuxErrno(number)
            exc.errno = linux
            exc.strerror = message(number)
            args = exc.args
            if len(args) >= 2 and args[0] == number:
                exc.args = (linux, exc.strerror, *args[2:])


def _is_emscriptens(number, text):
    """Whether `text` is Emscripten's own text for its error number `number`."""
    if type(text) is not str:
        return False
    try:
        return text == _strerror(number)
    except ValueError:
        return False


def install():
    """The `errno` module's constants become Linux's to the eye (once, before the snapshot)."""
    for name in LINUX:
        value = getattr(errno, name, None)
        if type(value) is int:
            setattr(errno, name, LinuxErrno(value))
