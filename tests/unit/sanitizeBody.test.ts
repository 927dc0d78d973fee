import { beforeAll, describe, expect, it } from 'vitest';
import { createSanitizer, type Sanitize } from '../../src/components/sanitizer.ts';
import { createNativeSource } from '../../src/sources/native.ts';

const source = createNativeSource('https://news.example/api/');
const options = {
  baseUrl: 'https://news.example/api/articles/here.json',
  articleSlugFromUrl: (url: string) => source.articleSlugFromUrl(url),
  articleHref: (slug: string) => `/article/${slug}`,
};

let sanitizeBody: Sanitize;
beforeAll(() => {
  sanitizeBody = createSanitizer();
});

function clean(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = sanitizeBody(html, options);
  return container;
}

describe('sanitizeBody', () => {
  it('removes scripts, event handlers and javascript: URLs', () => {
    const html = clean(
      '<p onclick="alert(1)">Hi<script>alert(2)</script></p><img src=x onerror="alert(3)"><a href="javascript:alert(4)">x</a><a href=" JaVaScRiPt:alert(5)">y</a>',
    ).innerHTML;
    expect(html).not.toMatch(/script|onerror|onclick|javascript:/i);
  });

  it('removes forms, styles, iframes and data: images', () => {
    const html = clean(
      '<form action="/login"><input name="password"></form><style>body{display:none}</style><iframe src="https://evil.example"></iframe><p style="position:fixed">Text</p><img src="data:image/png;base64,AAAA" alt="">',
    );
    expect(html.querySelector('form, input, style, iframe, img, [style]')).toBeNull();
    expect(html).toHaveTextContent('Text');
  });

  it('keeps media to web addresses: no data: or javascript: in src, poster or tracks', () => {
    const html = clean(
      '<video poster="javascript:alert(1)" src="data:video/mp4,AAAA"><track default src="data:text/vtt,WEBVTT"><source src="clip.mp4"></video><audio src="https://cdn.example/a.mp3"></audio>',
    );
    expect(html.innerHTML).not.toMatch(/data:|javascript:/i);
    expect(html.querySelector('source')).toHaveAttribute(
      'src',
      'https://news.example/api/articles/clip.mp4',
    );
    expect(html.querySelector('audio')).toHaveAttribute('src', 'https://cdn.example/a.mp3');
  });

  it('gives external links rel="noopener noreferrer" and resolves relative ones', () => {
    const html = clean(
      '<a href="https://elsewhere.example/a" target="_blank">out</a><a href="/about">about</a>',
    );
    const [external, relative] = html.querySelectorAll('a');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(external).not.toHaveAttribute('target');
    expect(relative).toHaveAttribute('href', 'https://news.example/about');
  });

  it('points links to the source’s own articles at the reader’s article pages', () => {
    const html = clean(
      '<a href="other-story.json">sibling</a><a href="/article/third-story">reader link</a>',
    );
    const [sibling, reader] = html.querySelectorAll('a');
    expect(sibling).toHaveAttribute('href', '/article/other-story');
    expect(sibling).toHaveAttribute('data-article', 'other-story');
    expect(reader).toHaveAttribute('href', 'https://news.example/article/third-story');
  });

  it('lazy-loads images, resolves their URLs and keeps their dimensions', () => {
    const image = clean(
      '<img src="../images/map.svg" alt="A map" width="800" height="450" srcset="a 1x">',
    ).querySelector('img');
    expect(image).toHaveAttribute('src', 'https://news.example/api/images/map.svg');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('width', '800');
    expect(image).toHaveAttribute('height', '450');
    expect(image).not.toHaveAttribute('srcset');
  });

  it('copes with HTML that has no body at all', () => {
    expect(sanitizeBody('<frameset onload="alert(1)"><frame src="x"></frameset>', options)).toBe(
      '',
    );
    expect(clean('<p>Next</p>')).toHaveTextContent('Next');
  });

  it('turns h1 in a body into h2, so the page keeps one h1', () => {
    const html = clean('<h1>Inner title</h1><p>x</p>');
    expect(html.querySelector('h1')).toBeNull();
    expect(html.querySelector('h2')).toHaveTextContent('Inner title');
  });
});
