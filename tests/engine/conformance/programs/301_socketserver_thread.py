# Pins down: socketserver's TCPServer.serve_forever and ThreadingTCPServer in a thread, with
# the main thread as the client: requests are served, shutdown() returns, the thread ends; and
# http.server's handle_request in a thread answers urllib.request.
import http.server, socket, socketserver, threading, urllib.request

class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"echo: " + self.rfile.readline())

for cls in (socketserver.TCPServer, socketserver.ThreadingTCPServer):
    with cls(("127.0.0.1", 0), Echo) as srv:
        t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1})
        t.start()
        for i in range(3):
            with socket.create_connection(srv.server_address) as c:
                c.sendall(f"msg {i}\n".encode())
                with c.makefile("rb") as f:
                    print(cls.__name__, f.readline())
        srv.shutdown()
        t.join()
        print("alive", t.is_alive())

class Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"path={self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

srv = http.server.HTTPServer(("127.0.0.1", 0), Hello)
t = threading.Thread(target=srv.handle_request)
t.start()
with urllib.request.urlopen(f"http://127.0.0.1:{srv.server_port}/hello") as resp:
    print(resp.status, resp.read())
t.join()
srv.server_close()
