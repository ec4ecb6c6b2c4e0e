# A lesson that eats memory until there is none left. Zeroing gigabytes takes a loaded
# machine a while: the wall budget is generous, so that the run ends at MemoryError.
# expect-outcome: raised
# expect-message: MemoryError
# budget: maxWallMs=60000
chunks = []
while True:
    chunks.append(bytearray(512 * 1024 * 1024))
