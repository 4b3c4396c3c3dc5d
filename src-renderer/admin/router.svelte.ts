/**
 * Hash routing for /login (`#/status`, `#/users`, ...): tabs are plain links, so they can be
 * bookmarked, opened in a new tab and reached with the browser's Back button.
 */
import { isTabId, type TabId } from './tabs/tabs.js';

function read(): TabId | null {
  const id = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isTabId(id) ? id : null;
}

class HashRouter {
  /** The tab named by the address, or null when the address names none. */
  current = $state<TabId | null>(read());

  constructor() {
    window.addEventListener('hashchange', () => (this.current = read()));
  }

  /** Replaces the address (no extra history entry), e.g. to correct an unknown or forbidden tab. */
  replace(tab: TabId): void {
    history.replaceState(null, '', `#/${tab}`);
    this.current = tab;
  }
}

export const router = new HashRouter();
export const hrefFor = (tab: TabId): string => `#/${tab}`;
