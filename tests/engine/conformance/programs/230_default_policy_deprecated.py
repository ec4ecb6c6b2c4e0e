# asyncio's deprecated names warn as asyncio's module __getattr__ has them warn (3.14).
import asyncio
import warnings


class MyPolicy(asyncio.DefaultEventLoopPolicy):
    pass


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.AbstractEventLoopPolicy
    asyncio.DefaultEventLoopPolicy
print([str(w.message) for w in caught])
print(MyPolicy.__mro__[1].__name__)
try:
    asyncio.WindowsSelectorEventLoopPolicy
except AttributeError as error:
    print(error)
