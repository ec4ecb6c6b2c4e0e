# A lesson that prints one string far larger than the output budget at once.
# expect-outcome: budget
# expect-message: output budget
print("x" * 200_000_000)
