// The plumbing every fake platform server in this folder shares, so each fake
// file is only its platform's API: reading a request body, serving on a free
// loopback port, shutting down, and the queue of faults a test switched on
// (FakePlatform.failNext). What a fault answers, and how replies are written,
// stays in each fake: those follow each platform's own documented shapes.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeOperation } from '../conformance/fake-platform';

/** The whole request body, bytes untouched. */
export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Starts `server` on 127.0.0.1 at a free port; returns its base URL (http://127.0.0.1:port). */
export async function listenOnLoopback(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops every open connection (kept-alive or mid-request) and resolves once `server` is closed. */
export async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Faults waiting for their operation, in the order the test added them; each is used once. */
export class FaultQueue<F> {
  private readonly waiting: Array<{ op: FakeOperation; fault: F }> = [];

  /** The next `times` calls of `op` get `fault`. */
  add(op: FakeOperation, fault: F, times = 1): void {
    for (let i = 0; i < times; i++) this.waiting.push({ op, fault });
  }

  /** Removes and returns the first fault waiting for `op`; undefined when none is, or when the call is no fault-able operation. */
  take(op: FakeOperation | null | undefined): F | undefined {
    if (op === null || op === undefined) return undefined;
    const at = this.waiting.findIndex((f) => f.op === op);
    return at >= 0 ? this.waiting.splice(at, 1)[0]!.fault : undefined;
  }
}
