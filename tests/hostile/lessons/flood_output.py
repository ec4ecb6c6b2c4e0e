# A lesson that floods the output, a megabyte at a time.
# expect-outcome: budget
# expect-message: output budget
while True:
    print("x" * 1_000_000)
