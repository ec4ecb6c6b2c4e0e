# Pins down: freeing long chains of objects (a linked list, an exception re-raised thousands of
# times, whose traceback grows) recurses in C; it must not end the interpreter.
class Node:
    def __init__(self, value, rest=None):
        self.value = value
        self.rest = rest


head = None
for value in range(10_000):
    head = Node(value, head)
print("built", head.value)
head = None
print("freed the list")

error = ValueError("again")
for _ in range(10_000):
    try:
        raise error
    except ValueError:
        pass
print("raised 10,000 times")
del error
print("freed the traceback")
