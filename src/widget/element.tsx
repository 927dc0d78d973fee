// <broadsheet-feed>: a custom element that draws FeedWidget in its own open
// shadow root, styled through a constructable stylesheet (which a host's
// strict style-src does not block), fetching nothing until it nears the
// viewport.
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import { FeedWidget } from './FeedWidget.tsx';
import { chosenTheme } from '../settings/settings.ts';
import { ATTRIBUTES, readOptions } from './options.ts';
import { sharedQueryClient } from './runtime.ts';
import css from './widget.css?inline';

export const ELEMENT_NAME = 'broadsheet-feed';
/** How near the viewport (px) a widget starts fetching. */
const NEAR = 600;

let sheet: CSSStyleSheet | undefined;
/** One stylesheet object for every widget on the page. */
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

let observer: IntersectionObserver | undefined;
const waiting = new WeakMap<Element, () => void>();
/** Call `onNear` once `element` comes within NEAR px of the viewport. */
function whenNear(element: Element, onNear: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer?.unobserve(entry.target);
        waiting.get(entry.target)?.();
        waiting.delete(entry.target);
      }
    },
    { rootMargin: `${NEAR}px` },
  );
  waiting.set(element, onNear);
  observer.observe(element);
}

export class BroadsheetFeed extends HTMLElement {
  static readonly observedAttributes = ATTRIBUTES;
  #root: Root | undefined;
  #near = false;
  #warned = new Set<string>();

  connectedCallback(): void {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    this.#root ??= createRoot(shadow);
    if (!this.#near) {
      whenNear(this, () => {
        this.#near = true;
        this.#draw();
      });
    }
    this.#draw();
  }

  disconnectedCallback(): void {
    observer?.unobserve(this);
    waiting.delete(this);
    this.#root?.unmount();
    this.#root = undefined;
  }

  attributeChangedCallback(): void {
    this.#draw();
  }

  #draw(): void {
    if (!this.#root) return;
    const { options, warnings } = readOptions(
      Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)])),
    );
    for (const warning of warnings) {
      if (this.#warned.has(warning)) continue;
      this.#warned.add(warning);
      console.warn(warning);
    }
    // "auto" on the reader's own site: the theme the reader chose there, else the system's.
    if (options.theme === 'auto') options.theme = chosenTheme() ?? 'auto';
    this.#root.render(
      <QueryClientProvider client={sharedQueryClient()}>
        <FeedWidget options={options} active={this.#near} />
      </QueryClientProvider>,
    );
  }
}

/** Define the element, once: a second copy of the script on the page leaves the first in place. */
export function defineElement(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, BroadsheetFeed);
}
