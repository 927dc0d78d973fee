// The reader's own display settings: a colour theme and a text size, kept in
// this browser (localStorage) and applied as attributes of <html>, which the
// styles read. The page's head applies them before its first paint
// (prepaint.ts); the settings panel changes them.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Steps of text size: the default is the browser's own (src/styles.css sets the others). */
export const TEXT_SIZES = ['small', 'default', 'large', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Settings {
  theme: ThemeChoice;
  textSize: TextSize;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', textSize: 'default' };

/** The one key both the panel and the head's script use (prepaint.ts spells it out again). */
export const SETTINGS_KEY = 'broadsheet:settings';

/** What this browser keeps, read leniently: anything unknown is the default. */
export function readSettings(storage: Pick<Storage, 'getItem'> | undefined): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const { theme, textSize } = (stored ?? {}) as Record<string, unknown>;
  return {
    theme: THEME_CHOICES.find((choice) => choice === theme) ?? DEFAULT_SETTINGS.theme,
    textSize: TEXT_SIZES.find((size) => size === textSize) ?? DEFAULT_SETTINGS.textSize,
  };
}

/**
 * The settings as <html> carries them: `data-theme` (absent: the system's) and
 * `data-text-size` (absent: the default).
 */
export function applySettings(root: HTMLElement, settings: Settings) {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  if (settings.textSize === 'default') delete root.dataset.textSize;
  else root.dataset.textSize = settings.textSize;
}

/** Keep the settings for the next visit; a browser that keeps nothing (private mode, full) still shows them now. */
export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, settings: Settings) {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Nothing to do: the page already shows them.
  }
}

/** localStorage where it can be read at all (a sandboxed frame or a blocked store throws). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The theme the reader chose on this site, for the widget's `theme="auto"` on
 * the reader's own site (where this browser keeps their settings): light,
 * dark, or undefined for the system's. Lean, as the widget's budget is.
 */
export function chosenTheme(): 'light' | 'dark' | undefined {
  try {
    const { theme } = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as { theme?: unknown };
    return theme === 'light' || theme === 'dark' ? theme : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For a page the browser renders itself (no server put the head's script
 * there, and a strict host's policy would refuse one inline): the settings,
 * applied before the reader draws anything.
 */
export function applyStoredSettings() {
  applySettings(document.documentElement, readSettings(browserStorage()));
}
