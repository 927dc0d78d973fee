import { createHash } from 'node:crypto';
import { screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FRAME_THEME_SCRIPT,
  FRAME_THEME_SCRIPT_HASH,
  PREPAINT_SCRIPT,
  PREPAINT_SCRIPT_HASH,
} from '../../src/settings/prepaint.ts';
import {
  applySettings,
  readSettings,
  SETTINGS_KEY,
  TEXT_SIZES,
  THEME_CHOICES,
} from '../../src/settings/settings.ts';
import type { Site } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { sampleDocument } from './server.ts';

const root = document.documentElement;

afterEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
  delete root.dataset.textSize;
});

/** What <html> says after the head's script ran on what the browser keeps. */
function afterPrepaint(stored: string | null): Record<string, string | undefined> {
  delete root.dataset.theme;
  delete root.dataset.textSize;
  if (stored === null) localStorage.removeItem(SETTINGS_KEY);
  else localStorage.setItem(SETTINGS_KEY, stored);
  // The script as the page's head runs it: a classic script, at the top level.
  const script = document.createElement('script');
  script.textContent = PREPAINT_SCRIPT;
  document.head.append(script);
  script.remove();
  return { theme: root.dataset.theme, textSize: root.dataset.textSize };
}

function afterApply(stored: string | null): Record<string, string | undefined> {
  delete root.dataset.theme;
  delete root.dataset.textSize;
  applySettings(root, readSettings({ getItem: () => stored }));
  return { theme: root.dataset.theme, textSize: root.dataset.textSize };
}

describe('the reader’s display settings', () => {
  it('allows the inline scripts by their own hashes', () => {
    const hash = (script: string) =>
      `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    expect(PREPAINT_SCRIPT_HASH).toBe(hash(PREPAINT_SCRIPT));
    expect(FRAME_THEME_SCRIPT_HASH).toBe(hash(FRAME_THEME_SCRIPT));
  });

  it('applies the same settings in the head’s script as in the panel’s code, whatever is stored', () => {
    // jsdom runs a classic script's text when it is appended.
    expect(afterPrepaint(JSON.stringify({ theme: 'dark', textSize: 'largest' }))).toEqual({
      theme: 'dark',
      textSize: 'largest',
    });
    const value = fc.oneof(
      fc.constantFrom<unknown>(...THEME_CHOICES, ...TEXT_SIZES, ['dark'], 'Dark', 'x'),
      fc.anything(),
    );
    const stored = fc.oneof(
      fc
        .record({ theme: value, textSize: value }, { requiredKeys: [] })
        .map((settings) => JSON.stringify(settings)),
      fc.jsonValue().map((json) => JSON.stringify(json)),
      fc.string(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(stored, (text) => {
        expect(afterPrepaint(text)).toEqual(afterApply(text));
      }),
    );
  });

  it('lets the reader choose a theme and a text size from the header, keeps them, and closes on Escape', async () => {
    const { user } = renderApp('/');
    const display = await screen.findByText('Display', { selector: 'summary' });
    await user.click(display);
    const theme = await screen.findByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(root.dataset.theme).toBe('dark');
    const size = screen.getByRole('group', { name: 'Text size' });
    await user.click(within(size).getByRole('radio', { name: 'Largest' }));
    expect(root.dataset.textSize).toBe('largest');
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toEqual({
      theme: 'dark',
      textSize: 'largest',
    });
    expect(screen.getByText('Kept in this browser for your next visit.')).toBeVisible();

    await user.keyboard('{Escape}');
    expect(display.closest('details')).not.toHaveAttribute('open');
    expect(display).toHaveFocus();

    // Back to the system's colours and the browser's own size: nothing left on <html>.
    await user.click(display);
    await user.click(await screen.findByRole('radio', { name: 'System' }));
    await user.click(screen.getByRole('radio', { name: 'Default' }));
    expect(root.dataset.theme).toBeUndefined();
    expect(root.dataset.textSize).toBeUndefined();
  });

  it('shows what the reader chose on an earlier visit', async () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ theme: 'light', textSize: 'small' }));
    const { user } = renderApp('/');
    await user.click(await screen.findByText('Display', { selector: 'summary' }));
    expect(await screen.findByRole('radio', { name: 'Light' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Smaller' })).toBeChecked();
  });
});

describe('the header', () => {
  it('shows the site’s name and today’s date in the site’s language, and its menu closes on Escape', async () => {
    const site = await sampleDocument<Site>('site.json');
    const { user } = renderApp('/');
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByRole('link', { name: site.name })).toHaveAttribute('href', '/');
    const date = await within(banner).findByText(
      new Intl.DateTimeFormat(site.language, { dateStyle: 'full' }).format(new Date()),
    );
    expect(date.tagName).toBe('TIME');
    expect(date).toHaveAttribute('datetime', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    const sections = within(banner).getByText('Sections', { selector: 'summary' });
    await user.click(sections);
    expect(sections.closest('details')).toHaveAttribute('open');
    await user.keyboard('{Escape}');
    expect(sections.closest('details')).not.toHaveAttribute('open');
    expect(sections).toHaveFocus();
  });
});
