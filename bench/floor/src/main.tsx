// The floor: the least a single-page app with the reader's libraries (React,
// react-router in data mode, TanStack Query) can do to show a feed of
// headlines and an article from the same static API. `npm run bench` measures
// the reader against it, so that what the machine adds cancels out. It is a
// reference, not a reader: it trusts its documents as they come (no
// validation) and puts the article's HTML in the page as it is (no
// sanitizing). Keep it that way: anything added here raises the floor.
import {
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Link, RouterProvider, useParams } from 'react-router';
import './floor.css';

interface Ref {
  slug: string;
  name: string;
}

interface Summary {
  slug: string;
  headline: string;
  summary?: string;
}

interface Article extends Summary {
  body: string;
  authors?: Ref[];
  source?: Ref;
  image?: { src: string; alt: string; width?: number; height?: number };
}

const api = new URL('/api/', window.location.href);

async function read<T>(document: string): Promise<T> {
  const response = await fetch(new URL(document, api));
  if (!response.ok) throw new Error(`${document}: ${String(response.status)}`);
  // The floor trusts its input: validating it is the reader's cost, not the floor's.
  return (await response.json()) as T;
}

const feedQuery = queryOptions({
  queryKey: ['feed'],
  queryFn: () => read<{ items: Summary[] }>('top/1.json'),
});

const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', slug],
    queryFn: () => read<Article>(`articles/${slug}.json`),
  });

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });

function Feed() {
  const { data } = useSuspenseQuery(feedQuery);
  return (
    <main>
      <h1>Top News</h1>
      {data.items.map((story) => (
        <section key={story.slug}>
          <h2>
            <Link to={`/article/${story.slug}`}>{story.headline}</Link>
          </h2>
          {story.summary && <p>{story.summary}</p>}
        </section>
      ))}
    </main>
  );
}

function ArticlePage() {
  const { slug = '' } = useParams();
  const { data: article } = useSuspenseQuery(articleQuery(slug));
  const authors = (article.authors ?? []).map((author) => author.name).join(', ');
  const byline = [authors, article.source?.name].filter(Boolean).join(', ');
  return (
    <main>
      <p>
        <Link to="/">Top News</Link>
      </p>
      <article>
        <h1>{article.headline}</h1>
        {byline && <p>By {byline}</p>}
        {article.image && (
          <img
            src={new URL(article.image.src, new URL(`articles/${slug}.json`, api)).href}
            alt={article.image.alt}
            width={article.image.width}
            height={article.image.height}
          />
        )}
        <div dangerouslySetInnerHTML={{ __html: article.body }} />
      </article>
    </main>
  );
}

const router = createBrowserRouter([
  { path: '/', loader: () => queryClient.query(feedQuery), Component: Feed },
  {
    path: '/article/:slug',
    loader: ({ params }) => queryClient.query(articleQuery(params.slug ?? '')),
    Component: ArticlePage,
  },
]);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
