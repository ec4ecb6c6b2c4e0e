# A lesson that eats memory until there is none left.
# expect-outcome: raised
# expect-message: MemoryError
chunks = []
while True:
    chunks.append(bytearray(64 * 1024 * 1024))
