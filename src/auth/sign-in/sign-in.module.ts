import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { TOKEN_OPTIONS, TokenOptions } from '../token-options';
import { DevSignInController } from './dev-sign-in.controller';
import { LoginCookies } from './login-cookie';
import { OidcSignInController } from './oidc-sign-in.controller';
import { OidcSignIn } from './oidc-sign-in.service';
import { SignInIdentities } from './sign-in-identities';

/**
 * Signing in from the web page without pasting a token: OIDC (when OIDC_ISSUER is set) and, outside
 * production only, the development page. In production the development routes are not registered at all.
 */
@Module({})
export class SignInModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SignInModule,
      controllers: [OidcSignInController, ...(config.isProduction ? [] : [DevSignInController])],
      providers: [
        SignInIdentities,
        OidcSignIn,
        {
          provide: LoginCookies,
          inject: [TOKEN_OPTIONS],
          useFactory: (o: TokenOptions) => new LoginCookies(o.secret),
        },
      ],
    };
  }
}
