import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createNativeSource } from '../../src/sources/native.ts';
import { lazySource } from '../../src/sources/lazySource.ts';
import { nativeLayout } from '../../src/sources/nativeLayout.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import { API, sampleDocument, server } from './server.ts';

// A page the server rendered loads its source's adapter on the first
// navigation. The native format's documents are asked for beside that code,
// not after it, and the adapter takes the response instead of asking again.

interface Article {
  slug: string;
  headline: string;
}

/** Every request MSW answers, by URL, as it starts. */
function watchRequests(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push(request.url);
  });
  return seen;
}

/** A lazy native source whose adapter arrives only when `arrive` is called. */
function slowAdapter(): { source: NewsSource; arrive: () => void } {
  let arrive: () => void = () => {
    throw new Error('the adapter promise has not started');
  };
  const loaded = new Promise<NewsSource>((resolve) => {
    arrive = () => {
      resolve(createNativeSource(API));
    };
  });
  return { source: lazySource(`native:${API}`, () => loaded, nativeLayout(API)), arrive };
}

const aSlug = async () => {
  const latest = await sampleDocument<{ items: Article[] }>('latest/1.json');
  const first = latest.items[0];
  if (!first) throw new Error('The sample has no latest stories');
  return first;
};

describe('documents asked for before the adapter has loaded', () => {
  afterEach(() => {
    server.events.removeAllListeners();
  });

  it('asks for an article while the adapter loads, and reads that one response', async () => {
    const story = await aSlug();
    const seen = watchRequests();
    const { source, arrive } = slowAdapter();

    const reading = source.article(story.slug);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([`${API}articles/${story.slug}.json`]);

    arrive();
    const article = await reading;
    expect(article.headline).toBe(story.headline);
    expect(seen, 'the adapter took the early response').toHaveLength(1);
  });

  it('asks for a listing page early too, at the adapter’s own address for it', async () => {
    const seen = watchRequests();
    const { source, arrive } = slowAdapter();
    const reading = source.listing({ kind: 'latest' }, 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([`${API}latest/2.json`]);
    arrive();
    expect((await reading).page).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it('asks for nothing early once the adapter is in, or for a slug no route accepts', async () => {
    const story = await aSlug();
    const { source, arrive } = slowAdapter();
    arrive();
    await source.site();
    const seen = watchRequests();
    await source.article(story.slug);
    expect(seen).toHaveLength(1);

    const other = slowAdapter();
    const afterLoad = watchRequests();
    const bad = other.source.article('../site');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(afterLoad.filter((url) => url.includes('site'))).toEqual([]);
    other.arrive();
    await expect(bad).rejects.toThrow();
  });

  it('an early failure is the reader’s failure, with its message, and Retry asks afresh', async () => {
    const story = await aSlug();
    let answers = 0;
    server.use(
      http.get(`${API}articles/${story.slug}.json`, () => {
        answers += 1;
        return answers === 1
          ? HttpResponse.json({ error: 'down' }, { status: 503 })
          : HttpResponse.json({ error: 'still down' }, { status: 500 });
      }),
    );
    const { source, arrive } = slowAdapter();
    const reading = source.article(story.slug);
    arrive();
    await expect(reading).rejects.toThrow(/answered HTTP 503/);
    // The adapter is in now: a second try goes to the network, not to the used response.
    await expect(source.article(story.slug)).rejects.toThrow(/answered HTTP 500/);
    expect(answers).toBe(2);
  });
});
