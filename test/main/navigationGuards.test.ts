import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  EXTERNAL_HOST_ALLOW_LIST,
  guardAllWebContents,
  guardWebContents,
  isAllowedExternalUrl,
  type GuardedContents,
} from '../../electron/main/navigationGuards';
import { FakeWebContents, preventableEvent } from './fakes';

const asGuarded = (contents: FakeWebContents) => contents as unknown as GuardedContents;

function guarded() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(asGuarded(contents), { openExternal });
  return { contents, openExternal };
}

const ALLOWED = 'https://www.rijksoverheid.nl/documenten/publicaties/handreiking-mensenhandel';

describe('isAllowedExternalUrl', () => {
  it.each([ALLOWED, 'https://wetten.overheid.nl/BWBR0011468/2025-01-01', 'HTTPS://www.rijksoverheid.nl/'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.rijksoverheid.nl/',
    'https://rijksoverheid.nl/',
    'https://www.rijksoverheid.nl.evil.example/',
    'https://evil.example/?www.rijksoverheid.nl',
    'https://www.rijksoverheid.nl@evil.example/',
    'https://user:pass@www.rijksoverheid.nl/',
    'https://www.rijksoverheid.nl:8443/',
    'https://evil.example#https://www.rijksoverheid.nl/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'app://ketenkluis/index.html',
    'data:text/html,<script>alert(1)</script>',
    'https://www.xn--rijksoverheid-xyz.nl/',
    ' https://www.rijksoverheid.nl/',
    '',
    `https://www.rijksoverheid.nl/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['https://www.rijksoverheid.nl/']])('refuses the non-string %j', (value) => {
    expect(isAllowedExternalUrl(value)).toBe(false);
  });

  it('only ever allows https URLs whose host is on the list (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (url) => {
        if (isAllowedExternalUrl(url)) {
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('https:');
          expect(EXTERNAL_HOST_ALLOW_LIST).toContain(parsed.hostname);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('guardWebContents', () => {
  it.each(['https://evil.example/', 'app://ketenkluis/other.html', 'file:///etc/passwd', ALLOWED])('blocks navigation to %s', (url) => {
    const { contents } = guarded();
    const event = preventableEvent();
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(true);
  });

  it('opens an allow-listed link in the browser instead of navigating, and nothing else', () => {
    const { contents, openExternal } = guarded();
    contents.emit('will-navigate', preventableEvent(), ALLOWED);
    contents.emit('will-navigate', preventableEvent(), 'https://evil.example/');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith(ALLOWED);
  });

  it('blocks subframe navigation, redirects and webviews', () => {
    const { contents, openExternal } = guarded();
    for (const name of ['will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = preventableEvent({ url: 'https://evil.example/', isMainFrame: false });
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open, and hands only allow-listed https links to the browser', () => {
    const { contents, openExternal } = guarded();
    for (const url of ['https://evil.example/', 'about:blank', 'app://ketenkluis/index.html', ALLOWED]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith(ALLOWED);
  });

  it('survives a failing openExternal', async () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async () => {
      throw new Error('no browser');
    });
    guardWebContents(asGuarded(contents), { openExternal });
    expect(contents.windowOpenHandler?.({ url: ALLOWED })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents the app creates, including unexpected ones', () => {
    const app = new EventEmitter();
    const openExternal = vi.fn();
    guardAllWebContents(app as never, { openExternal });
    const contents = [new FakeWebContents(), new FakeWebContents('about:blank')];
    for (const c of contents) app.emit('web-contents-created', preventableEvent(), c);
    for (const c of contents) {
      const event = preventableEvent();
      c.emit('will-navigate', event, 'https://evil.example/');
      expect(event.defaultPrevented).toBe(true);
      expect(c.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      const webview = preventableEvent();
      c.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);
    }
  });
});
