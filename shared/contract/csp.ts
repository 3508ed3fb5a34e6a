/**
 * The Content-Security-Policy both hosts send with the page: scripts only from the app itself
 * (no eval, no remote code), no plugins, no framing. Ant Design injects its styles at run time,
 * which needs 'unsafe-inline' for styles only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
