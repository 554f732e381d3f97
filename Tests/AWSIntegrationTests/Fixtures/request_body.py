"""Reads a request body in http.server handlers: by Content-Length, or chunked."""

MAX_BODY = 64 << 20
MAX_CHUNKS = 100_000


def read_body(handler):
    if "chunked" in handler.headers.get("Transfer-Encoding", "").lower():
        body = bytearray()
        for _ in range(MAX_CHUNKS):
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                # Trailers, up to the empty line.
                for _ in range(100):
                    if handler.rfile.readline() in (b"\r\n", b"\n", b""):
                        break
                return bytes(body)
            if len(body) + size > MAX_BODY:
                raise ValueError("request body too large")
            body += handler.rfile.read(size)
            handler.rfile.readline()
        raise ValueError("too many chunks")
    length = int(handler.headers.get("Content-Length") or 0)
    if length > MAX_BODY:
        raise ValueError("request body too large")
    return handler.rfile.read(length) if length else b""
