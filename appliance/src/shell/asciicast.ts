/**
 * asciicast v2 (FORMATS.md "Recordings"): a JSON header line, then one JSON array per event —
 * `[seconds since start, "o", output]`, and `[t, "r", "COLSxROWS"]` when the terminal was resized —
 * playable by any asciicast player (asciinema-player, `asciinema play`).
 */

export interface CastHeader {
  width: number;
  height: number;
  /** Unix time (seconds) when the shell started. */
  timestamp: number;
  title?: string;
}

export function castHeader(h: CastHeader): string {
  return JSON.stringify({ version: 2, width: h.width, height: h.height, timestamp: h.timestamp, ...(h.title ? { title: h.title } : {}), env: { TERM: 'xterm-256color' } }) + '\n';
}

/** One event line; `seconds` is rounded to the microsecond like asciinema does. `json`: `data` already JSON-encoded. */
export function castEvent(seconds: number, type: 'o' | 'r' | 'm', data: string, json: string = JSON.stringify(data)): string {
  return `[${Math.round(seconds * 1e6) / 1e6}, "${type}", ${json}]\n`;
}

/** Parses a whole .cast file (tests and tools): the header and its events. */
export function parseCast(text: string): { header: Record<string, unknown>; events: [number, string, string][] } {
  const [first = '{}', ...rest] = text.split('\n').filter((l) => l.trim() !== '');
  return { header: JSON.parse(first) as Record<string, unknown>, events: rest.map((l) => JSON.parse(l) as [number, string, string]) };
}
