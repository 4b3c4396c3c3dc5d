import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window.js';

const view = (scrollTop: number) => ({ scrollTop, height: 400, rowHeight: 40 });

describe('rowWindow', () => {
  it('renders every row of a short list', () => {
    expect(rowWindow(100, view(2000))).toEqual({ first: 0, last: 100 });
  });

  it('renders the rows in view and the overscan either side, clamped to the list', () => {
    expect(rowWindow(500, view(0))).toEqual({ first: 0, last: 25 });
    expect(rowWindow(500, view(4000))).toEqual({ first: 85, last: 125 });
    expect(rowWindow(500, view(19_600))).toEqual({ first: 475, last: 500 });
    // Scrolled past the end (the list shrank): still a valid window at the end.
    expect(rowWindow(120, view(19_600))).toEqual({ first: 105, last: 120 });
  });
});
