import { describe, expect, it } from 'vitest';
import type { AppHost, KeyPress } from './app.js';
import { Notepad } from './notepad.js';

function host(): AppHost & { clip: string; invalidations: number } {
  return {
    clip: '',
    invalidations: 0,
    invalidate() {
      this.invalidations++;
    },
    clipboardGet() {
      return this.clip;
    },
    clipboardSet(t: string) {
      this.clip = t;
    },
    requestElevation() {},
    openApp() {},
    close() {},
    listDirectory: () => [],
    hostname: 'WS-1',
    userName: 'ana',
    os: 'windows',
  };
}

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrl: false, alt: false, shift: false, meta: false, ...mods });

describe('Notepad', () => {
  it('types, breaks lines, deletes and moves the caret', () => {
    const h = host();
    const n = new Notepad(h, 'a.txt', '');
    n.resize(600, 400);
    for (const ch of 'Helo') n.key(key(ch));
    n.key(key('ArrowLeft'));
    n.key(key('l'));
    n.key(key('End'));
    n.key(key('Enter'));
    n.text('World!');
    n.key(key('Backspace'));
    expect(n.content).toBe('Hello\nWorld');
    expect(n.caret).toEqual({ line: 1, col: 5 });
    n.key(key('Home'));
    n.key(key('Backspace'));
    expect(n.content).toBe('HelloWorld');
    n.key(key('Delete'));
    expect(n.content).toBe('Helloorld');
    n.key(key('ArrowUp'));
    expect(n.caret.line).toBe(0);
    expect(h.invalidations).toBeGreaterThan(5);
  });

  it('select all, copy, cut and paste through the endpoint clipboard', () => {
    const h = host();
    const n = new Notepad(h, 'a.txt', 'one\ntwo');
    n.key(key('a', { ctrl: true }));
    n.key(key('c', { ctrl: true }));
    expect(h.clip).toBe('one\ntwo');
    n.key(key('x'));
    expect(n.content).toBe('x');
    h.clip = 'pasted\ntext';
    n.key(key('v', { ctrl: true }));
    expect(n.content).toBe('xpasted\ntext');
    n.key(key('a', { ctrl: true }));
    n.key(key('x', { ctrl: true }));
    expect(n.content).toBe('');
    expect(h.clip).toBe('xpasted\ntext');
  });

  it('places the caret where it is clicked', () => {
    const n = new Notepad(host(), 'a.txt', 'first line\nsecond line');
    n.resize(600, 400);
    n.pointerDown(6 + 3 * 8.4, 22 + 3 + 17 + 5);
    expect(n.caret.line).toBe(1);
    expect(n.caret.col).toBeGreaterThanOrEqual(2);
    expect(n.caret.col).toBeLessThanOrEqual(4);
  });
});
