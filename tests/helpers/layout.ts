/**
 * Layout checks for the translated pages (German's long words must not break them). The page code
 * is passed as a string: the tests' tsconfig has no DOM types.
 */
import type { Page } from '@playwright/test';

/**
 * Visible elements (by CSS selector) whose text is cut without a sign: wider than their box, and
 * neither ending in an ellipsis nor carrying the full text as a tooltip (on themselves or an
 * ancestor). With `offPage`, also those that stick out past the page's right edge.
 */
export function spills(page: Page, selector: string, o: { offPage?: boolean } = {}): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      if (!el.getClientRects().length) continue;
      if (${o.offPage === true} && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1) out.push((el.textContent || el.getAttribute('aria-label') || '').trim() + ' (off the page)');
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const style = getComputedStyle(el);
      const ellipsis = style.textOverflow === 'ellipsis' && style.overflowX !== 'visible';
      const titled = !!el.closest('[title]');
      if (!(ellipsis && titled)) out.push((el.textContent || '').trim() + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
    return out;
  })()`);
}

/** True when the page fits its width (no sideways scrolling). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
}
