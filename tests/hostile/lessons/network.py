# A lesson that tries to reach the network, to send something out: through urllib, a raw
# socket, and Pyodide's own fetch helpers. The address it tries is given as its input.
# expect-outcome: raised
# expect-message: URLError|OSError|ConnectionError|RemoteDisconnected
import socket
import urllib.parse
import urllib.request

url = input().strip()
host = urllib.parse.urlparse(url)

try:
    connection = socket.create_connection((host.hostname, host.port), timeout=2)
    connection.sendall(b"GET /exfil/socket HTTP/1.0\r\n\r\n")
    reply = connection.recv(100)
    print("LEAKED through a socket:", reply)
except OSError as error:
    print("blocked: socket:", type(error).__name__, error)

try:
    import pyodide.http

    request = pyodide.http.pyfetch(url + "/pyfetch")
    # Drive the coroutine by hand: it must fail at its first step.
    request.send(None)
    print("LEAKED through pyodide.http.pyfetch")
except StopIteration:
    print("LEAKED through pyodide.http.pyfetch")
except Exception as error:
    print("blocked: pyodide.http.pyfetch:", type(error).__name__, error)

try:
    print("LEAKED through pyodide.http.open_url", pyodide.http.open_url(url + "/open_url"))
except Exception as error:
    print("blocked: pyodide.http.open_url:", type(error).__name__, error)

print(urllib.request.urlopen(url + "/urllib", timeout=2).read())
