# Pins down: json of absurdly deep nesting raises RecursionError instead of crashing.
import json

for text in ("[" * 100000 + "]" * 100000, '{"a":' * 100000 + "1" + "}" * 100000):
    try:
        json.loads(text)
    except RecursionError as e:
        print("RecursionError:", e)
value = []
for _ in range(100000):
    value = [value]
try:
    json.dumps(value)
except RecursionError as e:
    print("RecursionError:", e)
# Taken apart one level at a time: freeing it whole would recurse as deep in C.
while value:
    value = value[0]
print(json.loads("[" * 500 + "]" * 500) is not None, len(json.dumps(json.loads("[" * 50 + "]" * 50))))
