# Every way of making a selector event loop gives one that runs on the (virtual) clock:
# a selector of the program's, asyncio's classes made directly, loop factories, policies.
import asyncio
import logging
import selectors
import warnings
from asyncio import events, selector_events, unix_events

warnings.simplefilter("ignore", DeprecationWarning)
DefaultPolicy = getattr(unix_events, "_DefaultEventLoopPolicy", None) or unix_events._UnixDefaultEventLoopPolicy
get_policy = getattr(events, "_get_event_loop_policy", events.get_event_loop_policy)


async def main(tag):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    kind = type(loop)
    print(tag, kind.__module__, kind.__qualname__, loop.time() - start >= 0.05)
    return tag


makers = {
    "select": lambda: asyncio.SelectorEventLoop(selectors.SelectSelector()),
    "poll": lambda: asyncio.SelectorEventLoop(selectors.PollSelector()),
    "default": lambda: asyncio.SelectorEventLoop(selectors.DefaultSelector()),
    "plain": asyncio.SelectorEventLoop,
    "event-loop": asyncio.EventLoop,
    "new": asyncio.new_event_loop,
    "unix": unix_events._UnixSelectorEventLoop,
    "base": selector_events.BaseSelectorEventLoop,
    "base-select": lambda: selector_events.BaseSelectorEventLoop(selectors.SelectSelector()),
    "policy": lambda: DefaultPolicy().new_event_loop(),
    "factory": DefaultPolicy._loop_factory,
}
for tag, make in makers.items():
    loop = make()
    print(repr(loop).split(" ")[0], loop.is_running(), loop.is_closed())
    loop.run_until_complete(main(tag))
    loop.close()
    print(loop.is_closed())


class MyLoop(asyncio.SelectorEventLoop):
    pass


with asyncio.Runner(loop_factory=MyLoop) as runner:
    print(runner.run(main("runner")))
with asyncio.Runner(loop_factory=lambda: selector_events.BaseSelectorEventLoop(selectors.SelectSelector())) as runner:
    runner.run(main("runner-base"))
asyncio.run(main("run-factory"), loop_factory=asyncio.EventLoop)

asyncio.set_event_loop_policy(None)
print(type(get_policy()).__qualname__)
asyncio.run(main("after-none"))
events._event_loop_policy = None
events._init_event_loop_policy()
asyncio.run(main("init-policy"))


class Policy(DefaultPolicy):
    pass


asyncio.set_event_loop_policy(Policy())
asyncio.run(main("own-policy"))

logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
asyncio.SelectorEventLoop(selectors.SelectSelector()).close()
asyncio.SelectorEventLoop().close()
