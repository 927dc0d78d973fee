import { beforeAll, describe, expect, it } from 'vitest';
import { createSanitizer, type Sanitize } from '../../src/sanitize/sanitizer.ts';
import { createNativeSource } from '../../src/sources/native.ts';

const source = createNativeSource('https://news.example/api/');
const options = {
  baseUrl: 'https://news.example/api/articles/here.json',
  articleSlugFromUrl: (url: string) => source.articleSlugFromUrl(url),
  articleHref: (slug: string) => `/article/${slug}`,
  readerOrigin: window.location.origin,
};

let sanitizeBody: Sanitize;
beforeAll(() => {
  sanitizeBody = createSanitizer(window);
});

/** Every word, in order, somewhere in the element's text. */
function expectWords(element: HTMLElement, words: string): void {
  const text = element.textContent;
  let from = 0;
  for (const word of words.split(' ')) {
    const at = text.indexOf(word, from);
    expect(at, `"${word}" in "${text}"`).toBeGreaterThanOrEqual(0);
    from = at + word.length;
  }
}

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

  describe('policy: a body stays inside its column', () => {
    it('drops presentational size and colour attributes and unwraps font, center, big, marquee and blink', () => {
      const html = clean(
        '<table width="2000" bgcolor="#c00" border="9" cellpadding="40" cellspacing="40" background="bg.png" align="right" height="900" style="position:fixed">' +
          '<tr bgcolor="red" valign="top"><td width="1800" height="400" bgcolor="#fff" nowrap align="center" background="x.png">' +
          '<font size="7" color="white" face="Impact">Your subscription has expired</font></td></tr></table>' +
          '<hr width="4000" size="40" noshade color="red"><p align="center" class="banner" hspace="900" vspace="900">Para</p>' +
          '<center>Centred</center><big>Big</big><marquee width="5000" behavior="alternate">Scrolling</marquee><blink>Blink</blink><nobr>No break</nobr>',
      );
      expect(html.querySelector('font, center, big, marquee, blink, nobr')).toBeNull();
      for (const element of html.querySelectorAll('*')) {
        expect(element.getAttributeNames(), element.tagName).toEqual([]);
      }
      expectWords(html, 'Your subscription has expired Para Centred Big Scrolling Blink No break');
    });

    it('keeps image dimensions only when both are plausible', () => {
      const html = clean(
        '<img src="a.png" width="1200" height="800" alt="kept">' +
          '<img src="b.png" width="1" height="99999" alt="gap">' +
          '<img src="c.png" width="1200" alt="one side">' +
          '<img src="d.png" width="1100" height="100" alt="too thin">' +
          '<img src="e.png" width="0" height="0" alt="zero">' +
          '<img src="f.png" width="100%" height="50" alt="percent">' +
          '<img src="g.png" width="12000" height="12000" alt="huge">',
      );
      const [kept, ...rest] = html.querySelectorAll('img');
      expect(kept).toHaveAttribute('width', '1200');
      expect(kept).toHaveAttribute('height', '800');
      expect(rest).toHaveLength(6);
      for (const image of rest) {
        expect(image, image.alt).not.toHaveAttribute('width');
        expect(image, image.alt).not.toHaveAttribute('height');
      }
    });

    it('gives video and audio controls, never autoplay, and drops implausible video sizes', () => {
      const html = clean(
        '<video src="clip.mp4" autoplay muted loop playsinline width="4000" style="width:4000px" preload="auto" controlslist="nodownload"></video>' +
          '<video src="sane.mp4" width="640" height="360" preload="sideways"></video>' +
          '<audio src="a.mp3" autoplay loop></audio>',
      );
      const [wide, sane] = html.querySelectorAll('video');
      const audio = html.querySelector('audio');
      for (const media of [wide, sane, audio]) {
        expect(media).toHaveAttribute('controls');
        expect(media).not.toHaveAttribute('autoplay');
      }
      expect(wide).not.toHaveAttribute('width');
      expect(wide).not.toHaveAttribute('style');
      expect(wide).not.toHaveAttribute('controlslist');
      expect(wide).toHaveAttribute('muted');
      expect(wide).toHaveAttribute('loop');
      expect(wide).toHaveAttribute('preload', 'auto');
      expect(sane).toHaveAttribute('width', '640');
      expect(sane).toHaveAttribute('height', '360');
      expect(sane).not.toHaveAttribute('preload');
    });

    it('keeps list and table attributes only with plausible values', () => {
      const html = clean(
        '<ol start="3" type="A" reversed><li value="7">a</li><li value="x">b</li></ol>' +
          '<ol start="99999999" type="disc"><li value="-1">c</li></ol><ul type="square"><li>d</li></ul>' +
          '<table><tr><th colspan="2" scope="col" abbr="Temp: high">T</th><th colspan="1000" scope="everything">U</th>' +
          '<td rowspan="2" span="9" char=".">V</td></tr></table>',
      );
      const [first, second] = html.querySelectorAll('ol');
      const items = html.querySelectorAll('li');
      expect(first).toHaveAttribute('start', '3');
      expect(first).toHaveAttribute('type', 'A');
      expect(first).toHaveAttribute('reversed');
      expect(items[0]).toHaveAttribute('value', '7');
      expect(items[1]).not.toHaveAttribute('value');
      expect(second).not.toHaveAttribute('start');
      expect(second).not.toHaveAttribute('type');
      expect(items[2]).toHaveAttribute('value', '-1');
      expect(html.querySelector('ul')).toHaveAttribute('type', 'square');
      const [wide, huge] = html.querySelectorAll('th');
      expect(wide).toHaveAttribute('colspan', '2');
      expect(wide).toHaveAttribute('scope', 'col');
      expect(wide).toHaveAttribute('abbr', 'Temp: high');
      expect(huge?.getAttributeNames()).toEqual([]);
      expect(html.querySelector('td')?.getAttributeNames()).toEqual(['rowspan']);
    });

    it('keeps dir and lang only with values they can have', () => {
      const html = clean(
        '<p dir="RTL" lang="ar-EG">a</p><p dir="sideways" lang="&lt;x&gt;">b</p><bdo dir="ltr" lang="en">c</bdo>',
      );
      const [good, bad] = html.querySelectorAll('p');
      expect(good).toHaveAttribute('dir', 'rtl');
      expect(good).toHaveAttribute('lang', 'ar-EG');
      expect(bad?.getAttributeNames()).toEqual([]);
      expect(html.querySelector('bdo')).toHaveAttribute('dir', 'ltr');
    });
  });

  describe('policy: a body cannot take focus order, landmarks, live regions or heading levels', () => {
    it('leaves no element focusable by attribute', () => {
      const html = clean(
        '<a href="https://elsewhere.example/" tabindex="1" accesskey="s">first tab</a>' +
          '<p tabindex="0" contenteditable="true" autofocus>editable</p><div draggable="true" popover id="pop">pop</div>' +
          '<span inert hidden>inert</span><details><summary tabindex="-1" autofocus>More</summary>x</details>' +
          '<img src="i.png" tabindex="2" alt="i"><button popovertarget="pop" autofocus>open</button>' +
          '<div contenteditable="plaintext-only" spellcheck="true" enterkeyhint="go" inputmode="none">typed</div>',
      );
      expect(
        html.querySelector(
          '[tabindex], [accesskey], [autofocus], [contenteditable], [draggable], [popover], [popovertarget], [inert], [hidden], button',
        ),
      ).toBeNull();
      expectWords(html, 'first tab editable pop inert More x open typed');
    });

    it('unwraps landmarks, live regions and page furniture and drops every role and aria attribute, keeping their text', () => {
      const html = clean(
        '<main id="main">Main</main><nav aria-label="Primary">Nav</nav><aside>Aside</aside><header>Header</header>' +
          '<footer>Footer</footer><search>Search</search><output>Output</output><marquee>Marquee</marquee>' +
          '<form aria-label="Login"><fieldset><legend>Legend</legend><label>Label <input></label><button>Renew</button></fieldset></form>' +
          '<dialog open>Dialog</dialog><div role="alert" aria-live="assertive" aria-atomic="true">Alert</div>' +
          '<section role="banner" aria-label="Site">Banner</section><p role="status" aria-relevant="all">Status</p>' +
          '<div role="navigation" aria-hidden="true">Navigation</div><span aria-describedby="x" aria-busy="true">Busy</span>' +
          '<progress value="3" max="9">Progress</progress><meter value="1">Meter</meter><menu><li>Menu</li></menu>',
      );
      expect(
        html.querySelector(
          'main, nav, aside, header, footer, search, output, marquee, form, fieldset, legend, label, input, button, dialog, progress, meter, menu, [aria-live], [role]',
        ),
      ).toBeNull();
      for (const element of html.querySelectorAll('*')) {
        expect(element.getAttributeNames().filter((name) => name.startsWith('aria-'))).toEqual([]);
      }
      expectWords(
        html,
        'Main Nav Aside Header Footer Search Output Marquee Legend Label Renew Dialog Alert Banner Status Navigation Busy Progress Meter Menu',
      );
    });

    it('leaves no h1 and no role="heading", keeping the heading’s text and id', () => {
      const html = clean(
        '<h1 id="top" title="t" class="x">Inner title</h1><div role="heading" aria-level="1">Fake title</div><h3 role="presentation">Sub</h3>',
      );
      expect(html.querySelector('h1, [role], [aria-level]')).toBeNull();
      const h2 = html.querySelector('h2');
      expect(h2).toHaveTextContent('Inner title');
      expect(h2).toHaveAttribute('id', 'user-content-top');
      expect(h2).not.toHaveAttribute('class');
      expect(html).toHaveTextContent('Fake title');
      expect(html.querySelector('h3')?.getAttributeNames()).toEqual([]);
    });

    it('keeps code and raw text out: style, template, noscript, title and xmp leave nothing behind', () => {
      const html = clean(
        '<p>Kept</p><style>.page{display:none}</style><template><p>Template text</p></template>' +
          '<noscript><p>Noscript text</p></noscript><title>Title text</title><xmp><b>xmp</b></xmp>' +
          '<svg><text>SVG text</text></svg><math><mi>x</mi></math><iframe>Iframe text</iframe>',
      );
      expect(html.textContent).toBe('Kept');
      expect(html.querySelectorAll('*')).toHaveLength(1);
    });
  });

  describe('policy: in-page links reach the prefixed ids they mean', () => {
    it('makes a footnote and its back-link find each other', () => {
      const html = clean(
        '<p>Claim<sup><a href="#fn1" id="ref1">1</a></sup></p>' +
          '<ol class="footnotes"><li id="fn1">Source. <a href="#ref1">↩</a></li></ol>',
      );
      const [forward, back] = html.querySelectorAll('a');
      expect(forward).toHaveAttribute('href', '#user-content-fn1');
      expect(back).toHaveAttribute('href', '#user-content-ref1');
      expect(html.querySelector(forward?.getAttribute('href') ?? '')).toBe(
        html.querySelector('li'),
      );
      expect(html.querySelector(back?.getAttribute('href') ?? '')).toBe(forward);
      expect(forward).not.toHaveAttribute('rel');
    });

    it('resolves escaped fragments, legacy named anchors and already prefixed ids', () => {
      const html = clean(
        '<a href="#fn:1">kramdown</a><a href="#caf%C3%A9">escaped</a><a href="#old">named</a><a href="#user-content-done">prefixed</a>' +
          '<p id="fn:1">k</p><p id="café">e</p><a name="old">o</a><p id="user-content-done">d</p>',
      );
      for (const link of html.querySelectorAll('a[href]')) {
        const fragment = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
        expect(fragment.startsWith('user-content-'), fragment).toBe(true);
        const target =
          html.querySelector(`[id="${fragment}"]`) ?? html.querySelector(`a[name="${fragment}"]`);
        expect(target, fragment).not.toBeNull();
      }
      expect(html.querySelector('#user-content-user-content-done')).toBeNull();
    });

    it('drops the href of "#" alone and of fragments no id can have, keeping the text', () => {
      const html = clean(
        '<a href="#">top</a><a href="#%E0%A4%A">broken escape</a><a href="#a%20b">space</a><p id="a b">spaced id</p>',
      );
      expect(html.querySelector('[href]')).toBeNull();
      expect(html.querySelector('[id]')).toBeNull();
      expectWords(html, 'top broken escape space spaced id');
    });

    it('points an image map at its prefixed map, and area links like any link', () => {
      const html = clean(
        '<img src="map.png" usemap="#regions" alt="Regions" width="400" height="300">' +
          '<map name="regions"><area shape="rect" coords="0,0,10,10" href="#fn2" alt="North" target="_top">' +
          '<area shape="circle" coords="5,5,5" href="javascript:alert(1)" alt="South"><area shape="poly" href="/south" alt="West" ping="https://track.example/"></map>' +
          '<img src="other.png" usemap="regions" alt="No hash"><p id="fn2">Note</p>',
      );
      const [image, noHash] = html.querySelectorAll('img');
      const usemap = image?.getAttribute('usemap') ?? '';
      expect(usemap).toBe('#user-content-regions');
      expect(html.querySelector(`map[name="${usemap.slice(1)}"]`)).toBe(html.querySelector('map'));
      expect(noHash).not.toHaveAttribute('usemap');
      const [north, south, west] = html.querySelectorAll('area');
      expect(html.querySelector(north?.getAttribute('href') ?? '')).toHaveTextContent('Note');
      expect(north).not.toHaveAttribute('target');
      expect(south).not.toHaveAttribute('href');
      expect(west).toHaveAttribute('href', 'https://news.example/south');
      expect(west).toHaveAttribute('rel', 'noopener noreferrer');
      expect(west).not.toHaveAttribute('ping');
    });

    it('prefixes each id a table cell’s headers name, so they still resolve', () => {
      const html = clean(
        '<table><tr><th id="h-year">Year</th><th id="h-total">Total</th></tr><tr><td headers=" h-year  h-total ">2025</td></tr></table>',
      );
      const ids = html.querySelector('td')?.getAttribute('headers')?.split(' ') ?? [];
      expect(ids).toEqual(['user-content-h-year', 'user-content-h-total']);
      for (const id of ids) expect(html.querySelector(`#${id}`)?.tagName).toBe('TH');
    });
  });

  describe('policy: only the reader’s own attributes are added', () => {
    it('keeps data-article for the source’s own articles only, and no other data-* attribute', () => {
      const html = clean(
        '<a href="https://elsewhere.example/x" data-article="other-story" rel="opener" download ping="https://t.example/">out</a>' +
          '<a href="other-story.json" data-article="evil" rel="external">own</a><p data-testid="x" data-src="y">p</p>',
      );
      const [out, own] = html.querySelectorAll('a');
      expect(out?.getAttributeNames().sort()).toEqual(['href', 'rel']);
      expect(out).toHaveAttribute('rel', 'noopener noreferrer');
      expect(own).toHaveAttribute('data-article', 'other-story');
      expect(own).not.toHaveAttribute('rel');
      expect(html.querySelector('p')?.getAttributeNames()).toEqual([]);
    });

    it('leaves only allowlisted attributes on any element, whatever a body throws at it', () => {
      const allowed = new Set([
        ...['id', 'title', 'lang', 'dir', 'href', 'name', 'alt', 'shape', 'coords', 'src'],
        ...['preload', 'loop', 'muted', 'controls', 'cite', 'datetime', 'open', 'width', 'height'],
        ...['usemap', 'value', 'start', 'reversed', 'type', 'colspan', 'rowspan', 'headers'],
        ...['scope', 'abbr', 'kind', 'srclang', 'label', 'default', 'poster'],
        ...['rel', 'data-article', 'loading', 'decoding'],
      ]);
      const attributes =
        'style="x" class="x" bgcolor="red" color="red" face="x" size="9" align="left" valign="top" border="9" ' +
        'cellpadding="9" cellspacing="9" background="x.png" hspace="9" vspace="9" nowrap width="9999" height="1" ' +
        'tabindex="1" accesskey="a" autofocus contenteditable draggable="true" popover role="alert" aria-live="polite" ' +
        'aria-label="x" autoplay download ping="https://t.example/" target="_blank" srcset="a.png 1x" sizes="1px" ' +
        'data-x="1" slot="s" part="p" inert hidden xmlns="x" translate="no" itemprop="x" onclick="x" ' +
        'formaction="x" nonce="n" referrerpolicy="unsafe-url" crossorigin loading="eager" decoding="sync"';
      const tags = [
        'p',
        'div',
        'span',
        'a href="https://e.example/"',
        'img src="i.png"',
        'table',
        'hr',
      ];
      const tagsWithBody = [
        'video',
        'audio',
        'ol',
        'li',
        'blockquote',
        'section',
        'article',
        'details',
      ];
      const html = clean(
        tags.map((tag) => `<${tag} ${attributes}>x</${tag.split(' ')[0] ?? ''}>`).join('') +
          tagsWithBody.map((tag) => `<${tag} ${attributes}>y</${tag}>`).join(''),
      );
      const seen = [...html.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames(),
      );
      expect(seen.filter((name) => !allowed.has(name))).toEqual([]);
      expect(html.querySelector('img')).toHaveAttribute('loading', 'lazy');
      expect(html.querySelector('img')).toHaveAttribute('decoding', 'async');
    });
  });

  it('gives a section no title, which would name it a region landmark', () => {
    const html = clean('<section title="Navigation"><p title="A note">Text</p></section>');
    expect(html.querySelector('section')?.hasAttribute('title')).toBe(false);
    expect(html.querySelector('p')?.getAttribute('title')).toBe('A note');
  });
});
