# Pins down: datetime.now, date.today and utcnow follow the clock; utcnow warns at the caller's line.
import asyncio
import datetime
import time


async def main():
    before = datetime.datetime.now()
    await asyncio.sleep(0.5)
    after = datetime.datetime.now()
    print("elapsed", round((after - before).total_seconds(), 1))
    print(type(after).__name__, type(after), isinstance(after, datetime.datetime))
    print("today matches:", datetime.date.today() == after.date())
    naive = datetime.datetime.utcnow()
    aware = datetime.datetime.now(datetime.timezone.utc)
    print("utc agrees:", abs((aware.replace(tzinfo=None) - naive).total_seconds()) < 1)
    print("time.time agrees:", abs(time.time() - after.timestamp()) < 1)


asyncio.run(main())
