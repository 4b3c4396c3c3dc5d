/** The rep's console preferences, kept in this browser / app profile. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'repConsole.prefs';

interface Stored {
  theme: ThemeChoice;
  newSessionPopup: boolean;
}

function read(): Partial<Stored> {
  try {
    const raw = localStorage.getItem(KEY);
    const v: unknown = raw ? JSON.parse(raw) : {};
    return typeof v === 'object' && v !== null ? (v as Partial<Stored>) : {};
  } catch {
    return {};
  }
}

export class Prefs {
  theme = $state<ThemeChoice>('system');
  /** Show the lower-left New Session popup when a session arrives. */
  newSessionPopup = $state(true);

  constructor() {
    const s = read();
    if (s.theme === 'light' || s.theme === 'dark' || s.theme === 'system') this.theme = s.theme;
    if (typeof s.newSessionPopup === 'boolean') this.newSessionPopup = s.newSessionPopup;
    this.apply();
  }

  set(next: Partial<Stored>): void {
    if (next.theme) this.theme = next.theme;
    if (typeof next.newSessionPopup === 'boolean') this.newSessionPopup = next.newSessionPopup;
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme: this.theme, newSessionPopup: this.newSessionPopup }));
    } catch {
      /* private mode: the choice lasts until the page closes */
    }
    this.apply();
  }

  /** theme.css follows prefers-color-scheme unless data-theme forces one. */
  private apply(): void {
    const root = document.documentElement;
    if (this.theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = this.theme;
  }
}
