import { connect, type Socket } from 'node:net';

/** A raw HTTP/1.1 exchange on loopback, for what a client library would not send. */
export interface RawConnection {
  socket: Socket;
  /** Everything the server sent so far. */
  readonly received: string;
  /** Resolves when the server closed the connection (or it failed); never rejects. */
  closed: Promise<void>;
  /** Whether the connection is closed. */
  readonly isClosed: boolean;
  /** Resolves with what was received once `predicate` holds, or rejects after `timeoutMs`. */
  until(predicate: (received: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  close(): void;
}

export function rawConnection(base: string): Promise<RawConnection> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    let isClosed = false;
    const waiters = new Set<() => void>();
    const closed = new Promise<void>((r) => {
      socket.on('close', () => {
        isClosed = true;
        for (const w of waiters) w();
        r();
      });
    });
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      for (const w of waiters) w();
    });
    socket.on('error', () => {});
    socket.once('connect', () =>
      resolve({
        socket,
        get received() {
          return received;
        },
        closed,
        get isClosed() {
          return isClosed;
        },
        until(predicate, timeoutMs, what) {
          return new Promise((res, rej) => {
            const check = () => {
              if (!predicate(received)) return;
              cleanup();
              res(received);
            };
            const timer = setTimeout(() => {
              cleanup();
              rej(new Error(`no ${what} within ${timeoutMs} ms; received: ${JSON.stringify(received.slice(0, 500))}`));
            }, timeoutMs);
            const cleanup = () => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            waiters.add(check);
            check();
          });
        },
        close() {
          socket.destroy();
        },
      }),
    );
    socket.once('error', reject);
  });
}

/** Resolves true when `p` settles within `ms`, false otherwise. */
export async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The status and JSON body of the first response in `text`. */
export function firstResponse(text: string): { status: number; headers: string; body: unknown } {
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  const raw = text.slice(end + 4, end + 4 + length);
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {}
  return { status, headers: head, body };
}
