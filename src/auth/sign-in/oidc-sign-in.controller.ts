import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Public } from '../roles.decorator';
import { cookieValue, LOGIN_COOKIE, LoginCookies, loginCookieHeader } from './login-cookie';
import { OidcSignIn } from './oidc-sign-in.service';
import { problemStatus, SIGN_IN_PAGE_CSP, SignInProblem, signInProblemPage } from './sign-in-page';

/**
 * GET /auth/methods (which sign-ins the web page offers), and the OIDC browser flow: GET /auth/login sends the
 * browser to the identity provider, GET /auth/callback brings it back with the service's own token in the URL
 * fragment (`/#access_token=…`: never sent to a server, never in a Referer, removed by the page at once), GET
 * /auth/logout ends the identity provider's session where it can. The OIDC routes are 404 without OIDC_ISSUER.
 */
@Controller('auth')
@Public()
export class OidcSignInController {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly cookies: LoginCookies,
    private readonly config: AppConfig,
  ) {}

  @Get('methods')
  methods(): { oidc: boolean; devSignIn: boolean } {
    return { oidc: this.oidc.enabled, devSignIn: !this.config.isProduction };
  }

  @Get('login')
  async login(@Res() res: FastifyReply): Promise<void> {
    this.requireOidc();
    const started = await this.oidc.start();
    if ('problem' in started) return this.problem(res, started.problem);
    await res
      .code(302)
      .header('set-cookie', loginCookieHeader(this.cookies.seal(started.pending), this.oidc.secureCookie))
      .header('cache-control', 'no-store')
      .header('location', started.url)
      .send();
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    this.requireOidc();
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const pending = this.cookies.open(cookieValue(req.headers.cookie, LOGIN_COOKIE));
    const outcome = await this.oidc.finish(query, pending);
    // the pending login is used once, whatever the outcome
    res.header('set-cookie', loginCookieHeader('', this.oidc.secureCookie, 0));
    if ('problem' in outcome) return this.problem(res, outcome.problem);
    await res
      .code(302)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('location', `/#access_token=${encodeURIComponent(outcome.token)}`)
      .send();
  }

  /** The web page forgets its token first; this ends the identity provider's session too, when it can. */
  @Get('logout')
  async logout(@Res() res: FastifyReply): Promise<void> {
    this.requireOidc();
    // back to this service's own page (the configured one, never the request's Host header)
    const home = new URL('/', this.config.OIDC_REDIRECT_URI).href;
    const url = (await this.oidc.endSessionUrl(home)) ?? '/';
    await res.code(302).header('cache-control', 'no-store').header('location', url).send();
  }

  private requireOidc(): void {
    if (!this.oidc.enabled) throw new NotFoundException();
  }

  private async problem(res: FastifyReply, problem: SignInProblem): Promise<void> {
    await res
      .code(problemStatus(problem))
      .header('cache-control', 'no-store')
      .header('content-security-policy', SIGN_IN_PAGE_CSP)
      .type('text/html; charset=utf-8')
      .send(signInProblemPage(problem));
  }
}
