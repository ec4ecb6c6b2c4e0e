/**
 * A small static server for the harness page, with the headers the app's protocol sends
 * (the engine CSP, cross-origin isolation). It records every request, so that the suite can
 * check that no hostile lesson reached the network.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { ENGINE_CSP, mimeTypeOf, securityHeaders } from '../../src-shared/security-headers.mjs';

export interface StaticServer {
  readonly origin: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const type = mimeTypeOf(file);
    if (!file.startsWith(root) || !type) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'Content-Type': type,
          ...securityHeaders(ENGINE_CSP),
          // Pyodide's files never change under one name, and a web server should let the
          // browser cache them, as this one does. The engine restores a fresh interpreter for
          // every run, and each restore fetches them again: uncached, over HTTP/1.1, a run
          // after a 500 000-event run waited (for a free connection) until its time budget
          // ended it, in about one try out of two. The Electron app serves these files through
          // its own app:// protocol, not over HTTP.
          ...(path.startsWith('/pyodide/')
            ? { 'Cache-Control': 'public, max-age=86400, immutable' }
            : {}),
        })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface RecordingServer {
  readonly origin: string;
  /** Every connection, request and upgrade that reached it. */
  readonly contacts: string[];
  close(): Promise<void>;
}

/**
 * A server on another origin that hostile lessons try to reach. Anything at all reaching it
 * (a TCP connection, a request, a WebSocket upgrade) is a leak.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const contacts: string[] = [];
  const server: Server = createServer((request, response) => {
    contacts.push(`request ${request.method} ${request.url}`);
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('LEAKED-server-reply');
  });
  server.on('connection', () => contacts.push('connection'));
  server.on('upgrade', (request, socket) => {
    contacts.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    contacts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
