/**
 * The Content-Security-Policy of every Ketenkluis page. One definition: main sets it on
 * every `app://` response, the development bridge sets the same header.
 * `connect-src 'none'` in the app: the renderer talks only through the preload API.
 * The development bridge needs `connect-src 'self'` to reach its loopback core.
 */
export function contentSecurityPolicy(options: { allowSelfConnect: boolean } = { allowSelfConnect: false }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${options.allowSelfConnect ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
  ].join('; ');
}
