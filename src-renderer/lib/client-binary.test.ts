import { expect, it } from 'vitest';
import { ConsoleClient, type SocketHandlers } from './client.js';

it('hands binary messages (screen frames) to onBinary listeners and never to JSON parsing', () => {
  let on!: SocketHandlers;
  const client = new ConsoleClient({ url: 'ws://site/ws/console', socket: (_url, h) => ((on = h), { send: () => undefined, close: () => undefined }) });
  client.connect();
  const got: number[][] = [];
  const off = client.onBinary((b) => got.push([...b]));
  on.message(new Uint8Array([1, 2, 3]).buffer);
  on.message(new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
  on.message('not json');
  off();
  on.message(new Uint8Array([5]).buffer);
  expect(got).toEqual([[1, 2, 3], [8, 7]]);
  client.close();
});
