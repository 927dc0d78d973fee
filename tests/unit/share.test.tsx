import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { sampleDocument } from './server.ts';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'share');
  vi.restoreAllMocks();
});

async function openArticle() {
  const latest = await sampleDocument<Listing>('latest/1.json');
  const story = latest.items[0];
  if (!story) throw new Error('no story in the sample');
  const view = renderApp(`/article/${story.slug}`);
  await screen.findByRole('heading', { level: 1, name: story.headline });
  const url = `${window.location.origin}/article/${story.slug}`;
  return { ...view, story, url };
}

describe('sharing a story', () => {
  it('offers a copy-link button that says it copied, and plain share links, where the browser has no share sheet', async () => {
    const { user, story, url } = await openArticle();
    expect('share' in navigator).toBe(false);
    await user.click(screen.getByText('Share', { selector: 'summary' }));
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(url);
    // Said where a screen reader hears it, too.
    expect(await screen.findByText('Link copied.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('textbox', { name: 'The story’s address' })).toHaveValue(url);

    const links = screen.getByRole('list', { name: 'Share by email or on a social network' });
    const href = (name: string | RegExp) =>
      within(links).getByRole('link', { name }).getAttribute('href');
    const u = encodeURIComponent(url);
    const t = encodeURIComponent(story.headline);
    expect(href('Email')).toBe(`mailto:?subject=${t}&body=${u}`);
    expect(href(/^X/)).toBe(`https://x.com/intent/post?text=${t}&url=${u}`);
    expect(href(/^Facebook/)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${u}`);
    expect(href(/^LinkedIn/)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${u}`);
    expect(href(/^WhatsApp/)).toBe(
      `https://wa.me/?text=${encodeURIComponent(`${story.headline} ${url}`)}`,
    );
    // They open in a new tab, and say so; none hands the page to the other site.
    const whatsApp = within(links).getByRole('link', {
      name: /^WhatsApp\s*\(opens in a new tab\)$/,
    });
    expect(whatsApp).toHaveAttribute('target', '_blank');
    expect(whatsApp).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('says how to copy by hand when the page may not write to the clipboard', async () => {
    const { user, url } = await openArticle();
    const refusing = { writeText: () => Promise.reject(new Error('not allowed')) };
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(refusing as unknown as Clipboard);
    await user.click(screen.getByText('Share', { selector: 'summary' }));
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Press Ctrl+C (⌘C) to copy it.')).toHaveAttribute(
      'role',
      'status',
    );
    const field = screen.getByRole('textbox', { name: 'The story’s address' });
    expect(field).toHaveValue(url);
  });

  it('opens the browser’s own share sheet where there is one, with the story’s headline and address', async () => {
    const share = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    const { user, story, url } = await openArticle();
    const button = screen.getByText('Share', { selector: 'summary' });
    await user.click(button);
    expect(share).toHaveBeenCalledWith({ title: story.headline, url });
    expect(button.closest('details')).not.toHaveAttribute('open');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });
});
