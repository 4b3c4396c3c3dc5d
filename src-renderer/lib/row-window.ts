/**
 * Which rows of a long list to render: those in view plus `overscan` either side, from the list's
 * scroll position and an (average) row height. Rows before `first` and from `last` on are stood for
 * by spacers of that many row heights. Up to `windowFrom` rows, all of them are rendered.
 */
export interface RowWindow {
  first: number;
  /** One past the last rendered row. */
  last: number;
}

export function rowWindow(count: number, view: { scrollTop: number; height: number; rowHeight: number }, o = { windowFrom: 100, overscan: 15 }): RowWindow {
  if (count <= o.windowFrom) return { first: 0, last: count };
  const top = Math.min(count, Math.floor(view.scrollTop / view.rowHeight));
  const bottom = Math.ceil((view.scrollTop + view.height) / view.rowHeight);
  return { first: Math.max(0, top - o.overscan), last: Math.min(count, bottom + o.overscan) };
}
