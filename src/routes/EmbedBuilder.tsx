import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type ReactNode,
} from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { PageMeta } from '../components/PageMeta.tsx';
import { useSite } from '../components/SiteContext.ts';
import type { ListingRef, Ref } from '../news/types.ts';
import { facetsQuery, type Facet, type Facets } from '../queries/facets.ts';
import { loadQuery } from '../queries/load.ts';
import type { NewsSource } from '../sources/NewsSource.ts';
import {
  ATTRIBUTES,
  defaultTitle,
  LAYOUTS,
  LIMIT,
  readOptions,
  THEMES,
  type WidgetOptions,
} from '../widget/options.ts';
import { createResizer, HEIGHT_MESSAGE, MEASURE_MESSAGE } from '../widget/resize.ts';
import { feedValue, frameQuery, frameSnippet, scriptSnippet } from '../widget/snippets.ts';
import { useApp } from './AppContext.ts';

// The embed builder (/embed): a publisher picks a feed from the site's own
// sections, tags, sources and authors, sees it live, and copies the code of
// either form. The choice lives in the address (`/embed?feed=top&limit=3`), so
// it can be shared, and the page works as a plain form without JavaScript.

/** Loads the tags, sources and authors the feed list offers, beside the page's code. */
export function embedLoader({
  source,
  queryClient,
}: {
  source: NewsSource;
  queryClient: QueryClient;
}) {
  return async () => {
    await loadQuery(queryClient, facetsQuery(source));
    return null;
  };
}

const LAYOUT_NAMES: Record<WidgetOptions['layout'], string> = {
  list: 'List: headline, summary and date',
  cards: 'Cards: with pictures',
  compact: 'Compact: headline and date',
};
const THEME_NAMES: Record<WidgetOptions['theme'], string> = {
  auto: 'Automatic: follows the reader’s light or dark setting',
  light: 'Light',
  dark: 'Dark',
};
/** Widths to try the preview at: the layout follows its container, not the window. */
const PREVIEW_WIDTHS = [
  { value: '', name: 'Full width' },
  { value: '480', name: 'Column (480 px)' },
  { value: '300', name: 'Sidebar (300 px)' },
] as const;
/** How long the preview waits for typing to pause before it loads again. */
const PREVIEW_DELAY_MS = 300;

type Fields = Record<(typeof ATTRIBUTES)[number], string>;

export function EmbedBuilder() {
  const location = useLocation();
  // A navigation to /embed (a link, back or forward) starts from its own address.
  return <Builder key={location.key} />;
}

function Builder() {
  const site = useSite();
  const { source, appRoot, publicOrigin } = useApp();
  const { data: facets } = useSuspenseQuery(facetsQuery(source));
  const [search] = useSearchParams();
  const [fields, setFields] = useState<Fields>(() => fieldsFrom(search));
  const { options } = readOptions(fields);
  const origin = useClientValue(() => publicOrigin || window.location.origin, publicOrigin);
  const readerRoot = `${origin}${appRoot}/`;
  const named = nameOf(options.feed, site.sections, facets);
  const heading = options.title ?? defaultTitle(options.feed, site, named) ?? 'News';

  const change = (next: Fields) => {
    setFields(next);
    // The address follows the form, as a submitted form would write it, without
    // a navigation: that would take focus from the field being changed.
    const query = frameQuery(readOptions(next).options);
    window.history.replaceState(window.history.state, '', `${appRoot}/embed?${query}`);
  };
  /** Every field's change: the form as it now stands. */
  const update = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const { form } = event.currentTarget;
    if (form) change(fieldsFrom(new FormData(form)));
  };

  return (
    <div className="page embed-page">
      <PageMeta
        title={`Embed the news – ${site.name}`}
        description={`Put headlines from ${site.name} on your own site, with one script tag or an iframe.`}
      />
      <header className="page-header">
        <h1 tabIndex={-1}>Embed the news</h1>
        <p>
          Put headlines from {site.name} on your own site: choose a feed and how it looks, check the
          preview, and copy the code into your page.
        </p>
      </header>
      <div className="embed-page__grid">
        <form
          className="embed-form"
          method="get"
          action={`${appRoot}/embed`}
          aria-label="Embed settings"
          onSubmit={(event) => {
            // The preview is already live: only a page without JavaScript sends the form.
            event.preventDefault();
          }}
        >
          <FeedChoice feed={options.feed} facets={facets} onChange={update} />
          <p className="embed-form__field">
            <label htmlFor="embed-limit">Headlines</label>
            <select id="embed-limit" name="limit" value={String(options.limit)} onChange={update}>
              {Array.from({ length: LIMIT.max - LIMIT.min + 1 }, (_, index) => {
                const count = String(LIMIT.min + index);
                return (
                  <option key={count} value={count}>
                    {count}
                  </option>
                );
              })}
            </select>
          </p>
          <Choice
            legend="Layout"
            name="layout"
            value={options.layout}
            names={LAYOUT_NAMES}
            values={LAYOUTS}
            onChange={update}
          />
          <Choice
            legend="Theme"
            name="theme"
            value={options.theme}
            names={THEME_NAMES}
            values={THEMES}
            onChange={update}
          />
          <p className="embed-form__field">
            <label htmlFor="embed-title">Heading</label>
            <input
              id="embed-title"
              name="title"
              type="text"
              maxLength={120}
              value={fields.title}
              placeholder={defaultTitle(options.feed, site, named) ?? 'News'}
              aria-describedby="embed-title-hint"
              onChange={update}
            />
            <span id="embed-title-hint" className="embed-form__hint">
              Leave it empty for the feed’s own name.
            </span>
          </p>
          <p className="embed-form__check">
            <input
              id="embed-target"
              name="target"
              type="checkbox"
              value="_blank"
              checked={options.newTab}
              onChange={update}
            />
            <label htmlFor="embed-target">Open headlines in a new tab</label>
          </p>
          <p>
            <button type="submit" className="button">
              Update preview
            </button>
          </p>
        </form>
        <Preview src={`${appRoot}/embed/feed?${frameQuery(options)}`} heading={heading} />
      </div>
      <section className="embed-code" aria-labelledby="embed-code-title">
        <h2 id="embed-code-title">Code</h2>
        <Snippet
          title="One script tag"
          code={scriptSnippet(readerRoot, options)}
          about={
            <>
              The headlines become part of your page, drawn in a box your styles cannot reach. If
              your page has a Content-Security-Policy, add this site to its <code>script-src</code>{' '}
              and <code>connect-src</code>. Several widgets on one page load the script once.
            </>
          }
        />
        <Snippet
          title="Iframe"
          code={frameSnippet(readerRoot, options, heading)}
          about={
            <>
              Fully isolated: the headlines stay on this site, in a frame that <code>embed.js</code>{' '}
              sizes to fit them. If your page has a Content-Security-Policy, add this site to its{' '}
              <code>frame-src</code> and <code>script-src</code>.
            </>
          }
        />
      </section>
    </div>
  );
}

/** The form's fields from the address or from the form itself; what is not there is empty. */
function fieldsFrom(values: URLSearchParams | FormData): Fields {
  const fields = {} as Fields;
  for (const name of ATTRIBUTES) {
    const value = values.get(name);
    fields[name] = typeof value === 'string' ? value : '';
  }
  // The reader's own source: the snippet never names another.
  fields.source = '';
  return fields;
}

/** The name of the listing a feed shows, where the site or its recent stories know it. */
function nameOf(feed: ListingRef, sections: Ref[], facets: Facets): string | undefined {
  if (!('slug' in feed)) return undefined;
  const list =
    feed.kind === 'section'
      ? sections
      : feed.kind === 'tag'
        ? facets.tags
        : feed.kind === 'source'
          ? facets.sources
          : facets.authors;
  return list.find((ref) => ref.slug === feed.slug)?.name;
}

type OnChange = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;

function FeedChoice({
  feed,
  facets,
  onChange,
}: {
  feed: ListingRef;
  facets: Facets;
  onChange: OnChange;
}) {
  const site = useSite();
  const chosen = feedValue(feed);
  const groups: {
    label: string;
    kind: 'section' | 'tag' | 'source' | 'author';
    refs: (Ref | Facet)[];
  }[] = [
    { label: 'Sections', kind: 'section', refs: site.sections },
    { label: 'Tags', kind: 'tag', refs: facets.tags },
    { label: 'Sources', kind: 'source', refs: facets.sources },
    { label: 'Authors', kind: 'author', refs: facets.authors },
  ];
  // A feed named in the address that the lists do not hold still shows as chosen.
  const listed = [
    'latest',
    'top',
    ...groups.flatMap((group) => group.refs.map((ref) => `${group.kind}:${ref.slug}`)),
  ];
  const unlisted = listed.includes(chosen) ? undefined : chosen;
  return (
    <p className="embed-form__field">
      <label htmlFor="embed-feed">Feed</label>
      <select
        id="embed-feed"
        name="feed"
        value={chosen}
        aria-describedby="embed-feed-hint"
        onChange={onChange}
      >
        <optgroup label="News">
          <option value="latest">Latest News</option>
          <option value="top">Top News</option>
        </optgroup>
        {groups.map((group) =>
          group.refs.length > 0 || unlisted?.startsWith(`${group.kind}:`) ? (
            <optgroup key={group.kind} label={group.label}>
              {group.refs.map((ref) => (
                <option key={ref.slug} value={`${group.kind}:${ref.slug}`}>
                  {'count' in ref ? `${ref.name} (${String(ref.count)})` : ref.name}
                </option>
              ))}
              {unlisted?.startsWith(`${group.kind}:`) && (
                <option value={unlisted}>{unlisted.slice(group.kind.length + 1)}</option>
              )}
            </optgroup>
          ) : null,
        )}
      </select>
      <span id="embed-feed-hint" className="embed-form__hint">
        Tags, sources and authors of the{' '}
        {facets.stories === 1 ? 'latest story' : `${String(facets.stories)} latest stories`}, most
        used first, with how many of them each has.
      </span>
    </p>
  );
}

function Choice<T extends string>({
  legend,
  name,
  value,
  values,
  names,
  onChange,
}: {
  onChange: OnChange;
  legend: string;
  name: string;
  value: T;
  values: readonly T[];
  names: Record<T, string>;
}) {
  return (
    <fieldset className="embed-form__choice">
      <legend>{legend}</legend>
      {values.map((option) => (
        <p key={option} className="embed-form__check">
          <input
            id={`embed-${name}-${option}`}
            type="radio"
            name={name}
            value={option}
            checked={option === value}
            onChange={onChange}
          />
          <label htmlFor={`embed-${name}-${option}`}>{names[option]}</label>
        </p>
      ))}
    </fieldset>
  );
}

/** The feed's own page in a frame, sized by the height it reports, as embed.js does on a host page. */
function Preview({ src, heading }: { src: string; heading: string }) {
  const [shown, setShown] = useState(src);
  const [width, setWidth] = useState('');
  const [height, setHeight] = useState<number>();
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    if (src === shown) return;
    const timer = setTimeout(() => {
      setShown(src);
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [src, shown]);

  useEffect(() => {
    const resizer = createResizer();
    const onMessage = (event: MessageEvent<unknown>) => {
      const { data } = event;
      if (event.source !== frame.current?.contentWindow || event.origin !== window.location.origin)
        return;
      if (
        typeof data !== 'object' ||
        data === null ||
        !('type' in data) ||
        data.type !== HEIGHT_MESSAGE
      )
        return;
      const next = resizer.next('height' in data ? data.height : undefined);
      if (next !== undefined) setHeight(next);
    };
    window.addEventListener('message', onMessage);
    // The frame may have told its height before this page was listening.
    frame.current?.contentWindow?.postMessage({ type: MEASURE_MESSAGE }, '*');
    return () => {
      window.removeEventListener('message', onMessage);
    };
  }, [shown]);

  return (
    <section className="embed-preview" aria-labelledby="embed-preview-title">
      <h2 id="embed-preview-title">Preview</h2>
      <p className="embed-form__field">
        <label htmlFor="embed-width">Preview width</label>
        <select
          id="embed-width"
          value={width}
          onChange={(event) => {
            setWidth(event.currentTarget.value);
          }}
        >
          {PREVIEW_WIDTHS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.name}
            </option>
          ))}
        </select>
      </p>
      <div className="embed-preview__stage" style={width ? { maxWidth: `${width}px` } : undefined}>
        <iframe
          ref={frame}
          src={shown}
          title={`Preview: ${heading}`}
          className="embed-preview__frame"
          style={height ? { height: `${String(height)}px` } : undefined}
        />
      </div>
    </section>
  );
}

function Snippet({ title, code, about }: { title: string; code: string; about: ReactNode }) {
  const hydrated = useClientValue(() => true, false);
  // What the last Copy said, about the code it copied: new code, no message.
  const [said, setSaid] = useState({ code: '', status: '' });
  const status = said.code === code ? said.status : '';
  const setStatus = (text: string) => {
    setSaid({ code, status: text });
  };
  const codeRef = useRef<HTMLElement>(null);
  const id = `embed-snippet-${title.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('Copied.');
    } catch {
      // No clipboard here (an insecure page, a refusal): select the code for the reader's own copy.
      const element = codeRef.current;
      if (element) window.getSelection()?.selectAllChildren(element);
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };

  return (
    <div className="embed-snippet">
      <div className="embed-snippet__head">
        <h3 id={id}>{title}</h3>
        {hydrated && (
          <button
            type="button"
            className="button embed-snippet__copy"
            aria-describedby={id}
            onClick={() => void copy()}
          >
            Copy
          </button>
        )}
        <span className="embed-snippet__status" role="status">
          {status}
        </span>
      </div>
      <p>{about}</p>
      <pre className="embed-snippet__code" aria-labelledby={id} tabIndex={0}>
        <code ref={codeRef}>{code}</code>
      </pre>
    </div>
  );
}

const subscribeToNothing = () => () => undefined;

/**
 * `client()` in the browser, `server` on the server and while hydrating its
 * page (so the two agree), then the browser's value.
 */
function useClientValue<T>(client: () => T, server: T): T {
  return useSyncExternalStore(subscribeToNothing, client, () => server);
}
