import sys
import collections
class A:
    def __del__(self):
        for name in ("json", "os", "sys", "collections", "builtins"):
            try:
                m = __import__(name)
                print("imported", name, m.__name__)
            except ImportError as e:
                print("ImportError:", name, e)
        print("meta_path", sys.meta_path, "path_hooks", sys.path_hooks, "cache", sys.path_importer_cache)
        print("path", sys.path, "argv", sys.argv)
        print("modules", type(sys.modules).__name__, len(sys.modules), sorted(sys.modules)[:5])
        print("main", sys.modules.get("__main__"))
        print("stdout is __stdout__", sys.stdout is sys.__stdout__)
        print("underscore", getattr(sys.modules.get("builtins"), "_", "no builtins module"))
        print("ps1", getattr(sys, "ps1", "missing"), "last_exc", getattr(sys, "last_exc", "missing"))
a = A()
import io
sys.stdout = io.StringIO()
print("end", file=sys.__stdout__)
try:
    {}["boom"]
finally:
    print("raising", file=sys.__stdout__)
