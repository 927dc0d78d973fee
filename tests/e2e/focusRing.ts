import type { Page } from 'playwright-core';

// The focused element's focus ring, as the reader sees it: whole, and distinct
// from the page behind it.

/**
 * Where the focused element's focus ring is cut off by a box that clips its
 * overflow: the ring is the element's box grown by its outline's offset and
 * width; an empty list means it shows whole.
 */
export function clippedRing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return ['nothing is focused'];
    const style = getComputedStyle(element);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
      return [`no outline (${style.outlineStyle} ${style.outlineWidth})`];
    const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const box = element.getBoundingClientRect();
    const ring = {
      left: box.left - grow,
      right: box.right + grow,
      top: box.top - grow,
      bottom: box.bottom + grow,
    };
    const cuts: string[] = [];
    if (ring.left < 0 || ring.right > document.documentElement.clientWidth)
      cuts.push('the viewport');
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(parent);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      if (
        ring.left < clip.left ||
        ring.right > clip.right ||
        ring.top < clip.top ||
        ring.bottom > clip.bottom
      )
        cuts.push(`${parent.tagName.toLowerCase()}.${parent.className} (overflow ${overflowX})`);
    }
    return cuts;
  });
}

/** The contrast between the focused element's outline and the page behind the header. */
export function ringContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (value: string) => {
      const [r = 0, g = 0, b = 0] = rgb(value).map((channel) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return 0;
    const ring = luminance(getComputedStyle(element).outlineColor);
    const paper = luminance(getComputedStyle(document.body).backgroundColor);
    return (Math.max(ring, paper) + 0.05) / (Math.min(ring, paper) + 0.05);
  });
}
