/**
 * Stroke icons only the session view needs (24×24, currentColor). Kept beside the view rather than
 * in the shared lib/ui set; they can move there if another page wants them.
 */
export const GLYPHS = {
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4M7 8h5M7 11h8',
  shell: 'M3 4h18v16H3zM7 9l3 3-3 3M12 15h5',
  files: 'M3 6h6l2 2h10v11H3zM12 11v5M9.5 13.5 12 11l2.5 2.5',
  sysinfo: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5h.01',
  elevate: 'M12 3 4 6v6c0 4.5 3.4 8 8 9 4.6-1 8-4.5 8-9V6zM12 15V9M9 11.5 12 9l3 2.5',
  transfer: 'M4 8h14M14 4l4 4-4 4M20 16H6M10 12l-4 4 4 4',
  share: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M19 8v6M16 11h6',
  removeMember: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 11h6',
  pin: 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7',
  unpin: 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7M4 4l16 16',
  supportButton: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9 10a3 3 0 1 1 4 2.8c-.6.3-1 .8-1 1.5v.2M12 17.5h.01',
  send: 'M4 12 20 4l-6 16-3-7zM11 13l9-9',
  hourglass: 'M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9',
  people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.2a6.5 6.5 0 0 1 3.5 5.8',
} as const;

export type GlyphName = keyof typeof GLYPHS;
