/**
 * A raw TCP server on 127.0.0.1 (port 0) for faults an HTTP server library will not produce:
 * a body cut short, a socket destroyed mid-body, a status line that is not HTTP. The handler
 * gets each connection's socket once the request head has arrived and writes bytes itself.
 */

import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";

export type RawHandler = (socket: Socket, index: number, head: string) => void;

export interface RawServer {
  /** `http://127.0.0.1:<port>/api/v1` */
  baseUrl: string;
  /** The request head (request line and headers) of each connection's first request. */
  heads: string[];
  close(): Promise<void>;
}

/** Starts a raw server; `handler` answers each request (the index counts from 0). */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const heads: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const end = received.indexOf("\r\n\r\n");
      if (end === -1) return;
      socket.off("data", onData);
      const head = received.slice(0, end);
      const index = heads.push(head) - 1;
      handler(socket, index, head);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    heads,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP/1.1 response head; `headers` in order, the blank line included. */
export function head(status: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status}\r\n${lines.join("\r\n")}\r\n\r\n`;
}

/** A complete JSON response with a correct Content-Length and `Connection: close`. */
export function jsonResponse(status: string, body: unknown): string {
  const text = JSON.stringify(body);
  return (
    head(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      connection: "close",
    }) + text
  );
}
