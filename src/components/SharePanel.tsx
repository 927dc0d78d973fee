import { useRef, useState } from 'react';

/** Where a story can be shared with a plain link: each network's own share address. */
function shareLinks(url: string, title: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { name: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

/** The story's address to copy, and links to share it: what Share opens where the browser has no share sheet. */
export function SharePanel({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard for this page (an old browser, a permission refused): the address, selected, to copy by hand.
      setCopied('no');
      field.current?.select();
    }
  };
  return (
    <div className="share__panel">
      <p className="share__copy">
        <input
          ref={field}
          type="text"
          readOnly
          value={url}
          aria-label="The story’s address"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
      </p>
      <p role="status" className="share__status">
        {copied === 'yes' ? 'Link copied.' : copied === 'no' ? 'Press Ctrl+C (⌘C) to copy it.' : ''}
      </p>
      <ul className="share__links" aria-label="Share by email or on a social network">
        {shareLinks(url, title).map(({ name, href }) => (
          <li key={name}>
            <a
              href={href}
              {...(name === 'Email' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
            >
              {name}
              {name !== 'Email' && <span className="visually-hidden"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
