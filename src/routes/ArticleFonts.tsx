import { useEffect, useState } from 'react';

/**
 * The fonts an article draws its text in, drawn once, hidden, while the reader
 * looks at another page: a browser sets up each font (a family at a size, a
 * weight and a style) the first time a page uses it, and an article uses
 * several that no listing does (its headline's size, the standfirst, the
 * body's size and its italics, the body's subheadings, the picture's credit).
 * Set up in the frame that draws the story, they took half of its layout at
 * 4× CPU (docs/decisions/016, stop-29 amendment). The classes are the
 * article's own (ArticleHeader, LeadImage, ArticleBody), so the styles decide
 * the fonts here as there; `tests/e2e/articleFonts.test.ts` checks that
 * every font of an article page is among those a listing has drawn.
 *
 * Not on the server's page (it would be text in the document): it comes when
 * the browser is first idle, and stays, out of sight and of the
 * accessibility tree, until an article shows (the layout leaves it out there:
 * the browser keeps fonts it has set up, and the article's own text uses them).
 */
export function ArticleFonts() {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(
      () => {
        setDrawn(true);
      },
      { timeout: 5000 },
    );
    return () => {
      cancelIdleCallback(idle);
    };
  }, []);
  if (!drawn) return null;
  return (
    <div className="article-fonts" aria-hidden="true" inert>
      <div className="page article-page">
        <article className="article">
          <header className="article__header">
            <p className="kicker">Ag</p>
            <h1>Ag</h1>
            <p className="standfirst">Ag</p>
            <div className="article__meta">
              <p>
                <span className="byline">Ag</span>
              </p>
              <p className="article__dateline">Ag</p>
            </div>
          </header>
          <figure className="lead-image">
            <figcaption>
              Ag
              <span className="lead-image__credit">Ag</span>
            </figcaption>
          </figure>
          <div className="article-body">
            <p>
              Ag <em>Ag</em> <strong>Ag</strong>{' '}
              <strong>
                <em>Ag</em>
              </strong>{' '}
              <code>Ag</code>
            </p>
            <h2>Ag</h2>
            <h3>Ag</h3>
            <blockquote>
              <p>Ag</p>
            </blockquote>
            <ul>
              <li>Ag</li>
            </ul>
            <figure>
              <figcaption>
                Ag <small>Ag</small>
              </figcaption>
            </figure>
          </div>
          <p className="article__note">Ag</p>
        </article>
      </div>
    </div>
  );
}
