"""Loopscope's helpers for a program that runs in it.

This module exists only inside Loopscope: a program that uses it guards the import, so that it
still runs natively, where the network has no simulated latency:

    try:
        from loopscope import set_latency
    except ImportError:
        def set_latency(target, seconds):
            pass
"""

from loopscope_net import set_latency

__all__ = ["set_latency"]
