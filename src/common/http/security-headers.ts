import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * The web page's Content-Security-Policy: scripts, styles, fonts and API calls from this origin only; no
 * inline script, no plug-ins, no framing. Two allowances the page needs: inline styles (the appointment form
 * brings its own stylesheet, shown inside the page) and data:/blob: images and downloads (the form's photo,
 * the CSV and PDF downloads). No upgrade-insecure-requests: a plain-HTTP deployment on a private network
 * would lose its own assets; behind TLS, HSTS does that job.
 */
export const PAGE_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * Security headers (helmet: CSP, HSTS, X-Frame-Options DENY, nosniff, referrer policy, cross-origin
 * policies) and response compression (brotli or gzip above 1 KiB, compressible types). Registered on the
 * Fastify instance before Nest adds its routes, since both plugins set themselves up per route.
 *
 * - /graphql goes without CSP: its answers are JSON, and in development its landing page loads Apollo's
 *   sandbox from Apollo's CDN. The appointment form's HTML sets its own, stricter CSP.
 * - Request bodies are not decompressed: the request gate's body limits count bytes as they arrive, and a
 *   small gzip body can inflate to gigabytes.
 * - Brotli at quality 4, not the library's 11: about gzip's cost for a smaller answer.
 */
export function registerHttpPlugins(app: FastifyInstance): void {
  void app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql') {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: false } };
    }
  });
  void app.register(compress, {
    globalDecompression: false,
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
