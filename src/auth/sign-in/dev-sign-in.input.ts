import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Role } from '../caller';

/** POST /auth/dev-sign-in: a role and, as `npm run token` takes them, the unit, cadre or source it needs. */
export class DevSignInInput {
  @IsEnum(Role, { message: 'role must be one of ADMIN, ORG_DEPT, CADRE, HR_SYNC.' })
  role!: Role;

  /** ORG_DEPT: the unit's code or id. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unit?: string;

  /** CADRE: the cadre's external id or id. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cadre?: string;

  /** HR_SYNC: the source name. */
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,64}$/, { message: 'source must be 1–64 letters, digits, _ . : or -.' })
  source?: string;
}
