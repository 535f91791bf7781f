import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '../../config/app-config';
import { Caller, Role } from '../caller';
import { TokenService } from '../token.service';
import { PendingLogin } from './login-cookie';
import { SignInProblem } from './sign-in-page';
import { SignInIdentities } from './sign-in-identities';

const ROLES = new Set<string>(Object.values(Role));

export type SignInOutcome = { token: string } | { problem: SignInProblem };

/**
 * OpenID Connect sign-in (openid-client): authorization code with PKCE (S256), state and nonce, against
 * OIDC_ISSUER. The ID token is verified by the library (signature by the issuer's published keys, iss, aud,
 * exp, nonce); its claims are mapped to a caller through the configured claim names and the database, and the
 * browser gets the service's own token, as `npm run token` signs it.
 */
@Injectable()
export class OidcSignIn {
  private readonly logger = new Logger('OidcSignIn');
  /** The issuer's discovered metadata, fetched once on first use (again after a failure). */
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private readonly config: AppConfig,
    private readonly identities: SignInIdentities,
    private readonly tokens: TokenService,
  ) {}

  get enabled(): boolean {
    return this.config.OIDC_ISSUER !== undefined;
  }

  /** Whether the cookie must be Secure: the callback is served over https. */
  get secureCookie(): boolean {
    return this.config.OIDC_REDIRECT_URI?.startsWith('https:') ?? false;
  }

  /** The identity provider's authorization URL for a new login, and what the callback must check. */
  async start(): Promise<{ url: string; pending: PendingLogin } | { problem: SignInProblem }> {
    const client = await this.client();
    if (!client) return { problem: 'IDP_UNAVAILABLE' };
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    };
    const scopes = new Set(['openid', ...this.config.OIDC_SCOPES.split(' ')]);
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.redirectUri,
      scope: [...scopes].join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * The callback: `query` is the raw query string the identity provider sent the browser back with. The state
   * must be the one sent, the ID token's nonce the one sent, and the code is redeemed with the PKCE verifier.
   */
  async finish(query: string, pending: PendingLogin | undefined): Promise<SignInOutcome> {
    if (!pending) return { problem: 'LOGIN_EXPIRED' };
    const client = await this.client();
    if (!client) return { problem: 'IDP_UNAVAILABLE' };
    const current = new URL(this.redirectUri);
    current.search = query;
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(client, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      this.logger.warn(`OIDC callback refused: ${err instanceof Error ? err.message : String(err)}`);
      return { problem: 'LOGIN_REFUSED' };
    }
    if (!claims) return { problem: 'LOGIN_REFUSED' };
    const caller = await this.callerOf(claims);
    if ('problem' in caller) return caller;
    return { token: this.tokens.sign(caller, this.config.SIGN_IN_TTL_SECONDS) };
  }

  /** Where to send the browser to end the identity provider's session too, when it says how. */
  async endSessionUrl(returnTo: string): Promise<string | undefined> {
    const client = await this.client();
    if (!client?.serverMetadata().end_session_endpoint) return undefined;
    return oidc
      .buildEndSessionUrl(client, {
        post_logout_redirect_uri: returnTo,
        client_id: this.config.OIDC_CLIENT_ID as string,
      })
      .toString();
  }

  /** The caller the claims name: a known role, and the unit, cadre or source it needs existing here. */
  private async callerOf(claims: oidc.IDToken): Promise<Caller | { problem: SignInProblem }> {
    const c = this.config;
    const text = (name: string): string | undefined => {
      const v = claims[name];
      return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
    };
    const role = text(c.OIDC_ROLE_CLAIM);
    if (!role || !ROLES.has(role)) return { problem: 'NO_ROLE' };
    const caller = await this.identities.resolve(`oidc:${claims.sub}`, {
      role: role as Role,
      unit: text(c.OIDC_UNIT_CLAIM),
      cadre: text(c.OIDC_CADRE_CLAIM),
      source: text(c.OIDC_SOURCE_CLAIM),
    });
    return caller ?? { problem: 'UNKNOWN_IDENTITY' };
  }

  private get redirectUri(): string {
    return this.config.OIDC_REDIRECT_URI as string;
  }

  private async client(): Promise<oidc.Configuration | undefined> {
    const c = this.config;
    if (!c.OIDC_ISSUER || !c.OIDC_CLIENT_ID) return undefined;
    this.discovered ??= oidc.discovery(
      new URL(c.OIDC_ISSUER),
      c.OIDC_CLIENT_ID,
      c.OIDC_CLIENT_SECRET,
      c.OIDC_CLIENT_SECRET ? undefined : oidc.None(),
      // Plain http only outside production (start-up refuses an http issuer there): a local identity provider.
      c.OIDC_ISSUER.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    try {
      return await this.discovered;
    } catch (err) {
      this.discovered = undefined;
      this.logger.warn(`OIDC discovery failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
