/** Who else shows words in the page's language (the desktop app's menu and dialogs) hears every change. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLanguage, followLanguage, setLanguage } from './index.svelte.js';

afterEach(async () => {
  await setLanguage('en-US');
});

describe('followLanguage', () => {
  it('says the language shown now, then every language set, until unsubscribed', async () => {
    const follow = vi.fn();
    const stop = followLanguage(follow);
    expect(follow.mock.calls).toEqual([[currentLanguage()]]);
    await setLanguage('fr-FR');
    await setLanguage('de-AT');
    await setLanguage('es-ES');
    stop();
    await setLanguage('fr-FR');
    expect(follow.mock.calls.slice(1)).toEqual([['fr-FR'], ['de-DE'], ['en-US']]);
  });
});
