/** Stroke icons of the screen-sharing toolbar (24×24 grid, currentColor), beside the console's own set. */
export const SCREEN_ICONS = {
  stop: 'M6 6h12v12H6z',
  control: 'M5 3l12 9-5.5 1.2L14 19l-2.6 1.2-2.6-5.8L5 18z',
  privacy: 'M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 6 9 6a17 17 0 0 1-3 3.4M6.6 7.7C4.3 9.3 3 12 3 12s4 6 9 6a8.9 8.9 0 0 0 4.2-1.1M9.9 9.9a3 3 0 0 0 4.2 4.2',
  noInput: 'M12 3.5a5 5 0 0 1 5 5v7a5 5 0 0 1-10 0v-7a5 5 0 0 1 5-5zM12 7v3M3 3l18 18',
  cad: 'M3 7h18v10H3zM6.5 10.5h2M11 10.5h2M15.5 10.5h2M7 14h10',
  actions: 'M12 3l2.4 4.9 5.4.8-3.9 3.8.9 5.4L12 15.4l-4.8 2.5.9-5.4-3.9-3.8 5.4-.8z',
  clipboard: 'M9 4h6v3H9zM7 5.5H5V21h14V5.5h-2M8.5 12h7M8.5 16h5',
  keyboard: 'M2.5 6h19v12h-19zM6 9.5h.01M9.5 9.5h.01M13 9.5h.01M16.5 9.5h.01M6 13h.01M18 13h.01M9 15h6',
  camera: 'M4 7.5h3.5L9 5h6l1.5 2.5H20V19H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
  monitor: 'M3 4h18v12H3zM8 20h8M12 16v4',
  actualSize: 'M4 4h16v16H4zM9 9h6v6H9z',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  palette: 'M12 3a9 9 0 1 0 0 18c1.3 0 1.8-.9 1.5-1.9-.4-1.2.3-2.1 1.5-2.1H18a3 3 0 0 0 3-3c0-6-4-11-9-11zM7.5 11h.01M10 7h.01M14.5 7h.01M17 10.5h.01',
  fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  exitFullscreen: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
} as const;

export type ScreenIconName = keyof typeof SCREEN_ICONS;
