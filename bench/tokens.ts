import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { Caller, Role } from '../src/auth/caller';
import { TokenService } from '../src/auth/token.service';

/** Signs tokens with the secret, audience and issuer the benchmarked service is started with. */
export class BenchTokens {
  readonly secret = randomBytes(48).toString('base64url');
  readonly audience = 'cadre-pathways-bench';
  readonly issuer = 'cadre-pathways-bench';
  private readonly tokens = new TokenService(new JwtService({}), {
    secret: this.secret,
    audience: this.audience,
    issuer: this.issuer,
  });

  private sign(caller: Caller): string {
    return this.tokens.sign(caller, '12h');
  }

  admin(): string {
    return this.sign({ sub: 'bench-admin', role: Role.ADMIN });
  }

  orgDept(unitId: string): string {
    return this.sign({ sub: `bench-org-${unitId}`, role: Role.ORG_DEPT, unitId });
  }

  cadre(cadreId: string): string {
    return this.sign({ sub: `bench-cadre-${cadreId}`, role: Role.CADRE, cadreId });
  }

  hrSync(source: string): string {
    return this.sign({ sub: `bench-hr-${source}`, role: Role.HR_SYNC, source });
  }
}
