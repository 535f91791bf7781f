import { errorText } from '../../i18n/errors';
import { Body, Controller, Get, HttpCode, Post, UseFilters } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { HttpErrorFilter } from '../../export/http-error.filter';
import { Role } from '../caller';
import { Public } from '../roles.decorator';
import { TokenService } from '../token.service';
import { DevSignInInput } from './dev-sign-in.input';
import { DevIdentity, SignInIdentities } from './sign-in-identities';

/** What the role needs named, and the field that names it. */
const NEEDS: Partial<Record<Role, 'unit' | 'cadre' | 'source'>> = {
  [Role.ORG_DEPT]: 'unit',
  [Role.CADRE]: 'cadre',
  [Role.HR_SYNC]: 'source',
};

/**
 * Development sign-in: the web page lists demo identities and gets the same local token `npm run token`
 * prints. SignInModule registers this controller only when NODE_ENV is not production, so there both routes
 * are 404. Behind the request gate (rate limit per client address, small body) like every anonymous route.
 */
@Controller('auth')
@Public()
@UseFilters(HttpErrorFilter)
export class DevSignInController {
  constructor(
    private readonly identities: SignInIdentities,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  /** GET /auth/dev-identities: ADMIN, the demo departments, cadres and sources that exist in the database. */
  @Get('dev-identities')
  async list(): Promise<{ identities: DevIdentity[] }> {
    return { identities: await this.identities.devIdentities() };
  }

  /** POST /auth/dev-sign-in {role, unit | cadre | source}: a local token, as `npm run token` signs it. */
  @Post('dev-sign-in')
  @HttpCode(200)
  async signIn(@Body() input: DevSignInInput): Promise<{ token: string; expiresAt: string }> {
    const field = NEEDS[input.role];
    const named = field && input[field];
    if (field && !named)
      throw DomainError.badInput(field, errorText('signIn.needs', { role: input.role, field }));
    const caller = await this.identities.resolve(`local-${input.role.toLowerCase()}`, input);
    if (!caller)
      throw DomainError.badInput(
        field ?? 'role',
        errorText('signIn.noSuch', { field: field ?? 'role', value: named ?? '' }),
      );
    const ttl = this.config.SIGN_IN_TTL_SECONDS;
    return {
      token: this.tokens.sign(caller, ttl),
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
  }
}
