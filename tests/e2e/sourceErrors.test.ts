import { describe, expect, test } from 'vitest';
import { expectH1, sessionForFile } from './support.ts';

// What the reader says when the config or the source is wrong in ways a
// browser reports vaguely. Served without the CSP: the point is what the
// browser's own CORS rules do, which a connect-src would pre-empt.
const session = sessionForFile({ csp: false });

describe('a source the browser will not read', () => {
  test('a same-origin source that redirects to another origin without CORS is called that, not a dropped connection', async () => {
    const { server, base, origin } = session();
    const elsewhere = origin.replace('127.0.0.1', 'localhost');
    server.fault(`${base}api/site.json`, {
      status: 301,
      headers: { Location: `${elsewhere}${base}api/site.json` },
    });
    const page = await session().open('/');
    await expectH1(page, 'We couldn’t read the news source');
    const main = page.getByRole('main');
    await main.getByText(/moved to another site, which doesn’t let this one read it/).waitFor();
    expect(await main.textContent()).not.toMatch(/connection dropped/i);
    expect(await main.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    // What the source must send is for the site's owner, in the disclosure.
    const header = main.getByText(`Access-Control-Allow-Origin: ${origin} (or *)`, {
      exact: false,
    });
    expect(await header.isVisible()).toBe(false);
    await main.getByText('Details for the site’s owner').click();
    await header.waitFor();
  });

  test('a source URL with a password in it is refused, and the password is never shown', async () => {
    const { server, base, origin } = session();
    const secret = origin.replace('http://', 'http://editor:s3cret@');
    server.fault(`${base}broadsheet.config.json`, {
      body: JSON.stringify({ source: { type: 'native', url: `${secret}${base}api/` } }),
    });
    const page = await session().open('/');
    await expectH1(page, 'This news site can’t start');
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toMatch(/user name or password/);
    expect(text).not.toMatch(/s3cret|editor/);
  });
});
