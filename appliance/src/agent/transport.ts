/** Transports for the agent protocol: a `ws` WebSocket (either end), or an in-memory pair (the demo fleet, in-process). */
import type { RawData, WebSocket } from 'ws';
import type { Transport } from './peer.js';

/** Wraps an open `ws` socket (server or client side). */
export function wsTransport(ws: WebSocket): Transport {
  return {
    send: (text) => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    sendBinary: (bytes) => {
      if (ws.readyState === ws.OPEN) ws.send(bytes, { binary: true });
    },
    close: (code, reason) => {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
    onMessage: (listener) => ws.on('message', (data: RawData, isBinary: boolean) => listener(isBinary ? rawBytes(data) : rawText(data))),
    onClose: (listener) => ws.once('close', () => listener()),
    buffered: () => ws.bufferedAmount,
  };
}

function rawBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return Buffer.isBuffer(data) ? data.toString() : Buffer.from(data).toString();
}

/**
 * Two connected in-memory transports. Frames are delivered asynchronously and in order, as on a
 * socket, so neither end can re-enter the other while it is still handling a frame.
 */
export function memoryPair(): [Transport, Transport] {
  const make = () => {
    const messageListeners: ((message: string | Uint8Array) => void)[] = [];
    const closeListeners: (() => void)[] = [];
    return { messageListeners, closeListeners, closed: false };
  };
  const a = make();
  const b = make();
  const end = (self: ReturnType<typeof make>, other: ReturnType<typeof make>): Transport => {
    const deliver = (message: string | Uint8Array) => {
      if (self.closed) return;
      setImmediate(() => {
        if (!other.closed) for (const l of other.messageListeners) l(message);
      });
    };
    return {
      send: (text) => deliver(text),
      // A copy, as a socket delivers one: the sender may reuse its buffer.
      sendBinary: (bytes) => deliver(bytes.slice()),
      close: () => {
        if (self.closed) return;
        self.closed = true;
        other.closed = true;
        setImmediate(() => {
          for (const l of self.closeListeners.splice(0)) l();
          for (const l of other.closeListeners.splice(0)) l();
        });
      },
      onMessage: (listener) => void self.messageListeners.push(listener),
      onClose: (listener) => void self.closeListeners.push(listener),
      buffered: () => 0,
    };
  };
  return [end(a, b), end(b, a)];
}
