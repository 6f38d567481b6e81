/**
 * Words broken across two lines where they need not be. A word may break
 * inside only when it is wider than the column it is in even at body-text
 * size (a compound such as "civilsamhällesorganisationerna" on a phone at
 * 200 %), or than the inside of a box as wide as that column (a button
 * across a card); a heading whose type is too large for the screen, or a box
 * squeezed narrower than its column, must not break "anteckningarna" into
 * "anteckninga" and "rna". (Debian's Chromium has no hyphenation dictionaries,
 * so a break inside a word here is never a hyphenation.)
 */
import type { Page } from 'playwright-core';

/** One needless break: the word, where it is, and the widths that show it would have fitted. */
export type BrokenWord = string;

/** Every word on the page split over two lines although it fits its column at body-text size. */
export async function brokenWords(p: Page): Promise<BrokenWord[]> {
  // The test runner's compiler wraps named inner functions in __name(), which the page does not have.
  await p.evaluate('globalThis.__name ??= (f) => f');
  return p.evaluate(() => {
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // The column a text is set in: the nearest box whose width does not depend on its content
    // (a block in a block), so a flex item or table cell squeezed narrower than its column counts as needless.
    const column = (el: Element): HTMLElement => {
      let box = el as HTMLElement;
      for (;;) {
        const parent = box.parentElement;
        if (!parent || parent === document.body) return box;
        const own = getComputedStyle(box);
        const outer = getComputedStyle(parent).display;
        const fills = (own.display === 'block' || own.display === 'list-item') && own.position !== 'absolute' && own.float === 'none'
          && (outer === 'block' || outer === 'list-item' || outer === 'flow-root');
        if (fills) return box;
        box = parent;
      }
    };
    const contentWidth = (el: HTMLElement) => {
      const s = getComputedStyle(el);
      return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    };
    // The room a text has in its column: inside the innermost framed box between them that is as wide as the
    // column (a button across the card needs its padding and border); a box narrower than its column, or an indent
    // without a frame (a list's), leaves it the column's.
    const framed = (s: CSSStyleDeclaration) => parseFloat(s.borderLeftWidth) > 0 && parseFloat(s.borderRightWidth) > 0;
    const roomIn = (el: Element, box: HTMLElement) => {
      const full = contentWidth(box);
      for (let inner = el as HTMLElement | null; inner && inner !== box; inner = inner.parentElement) {
        const s = getComputedStyle(inner);
        if (s.display !== 'inline' && framed(s) && inner.getBoundingClientRect().width >= full - 1) return contentWidth(inner);
      }
      return full;
    };
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:0;top:0';
    const widthAtBodySize = (word: string, el: Element) => {
      const s = getComputedStyle(el);
      probe.style.font = s.font;
      probe.style.fontSize = `${Math.min(parseFloat(s.fontSize), rootSize)}px`;
      probe.style.letterSpacing = s.letterSpacing;
      probe.style.textTransform = s.textTransform;
      probe.textContent = word;
      el.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const el = node.parentElement;
      if (!el || el.closest('.visually-hidden, svg, script, style, textarea, select') || !el.getClientRects().length) continue;
      // A word runs to a space or a hyphen (after which a line may break); "civilsamhallet/overenskommelsen" in an address is one.
      for (const match of node.data.matchAll(/[^\s\-\u2010-\u2014]{2,}[\-\u2010-\u2014]?/gu)) {
        const start = match.index;
        const end = start + match[0].length;
        range.setStart(node, start);
        range.setEnd(node, start + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, end - 1);
        range.setEnd(node, end);
        const last = range.getBoundingClientRect();
        if (last.top < first.bottom - 1) continue;
        const width = widthAtBodySize(match[0], el);
        const room = roomIn(el, column(el));
        if (width <= room) {
          found.push(`"${match[0]}" in <${el.tagName.toLowerCase()} class="${el.className}"> at ${getComputedStyle(el).fontSize}: ${Math.round(width)} px at body size, column ${Math.round(room)} px`);
        }
      }
    }
    return found;
  });
}
