import { registerEnumType } from '@nestjs/graphql';
import type { RequestDeadline } from '../common/http/request-deadline';

export enum Role {
  ADMIN = 'ADMIN',
  ORG_DEPT = 'ORG_DEPT',
  CADRE = 'CADRE',
  HR_SYNC = 'HR_SYNC',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a token lets its holder do.',
  valuesMap: {
    ADMIN: { description: 'Everything, across every unit; for operators.' },
    ORG_DEPT: {
      description:
        'An organisation department (组织部): reads and writes within its unit and the units beneath it (管辖范围).',
    },
    CADRE: {
      description:
        'A cadre (干部): its own record (me), its own training and claimed achievements; nothing else.',
    },
    HR_SYNC: {
      description:
        'An HR system: the sync operations and runs of its own source (token claim source); nothing else.',
    },
  },
});

/** Who is calling: taken from a verified token, passed explicitly into services. */
export interface Caller {
  sub: string;
  role: Role;
  /** ORG_DEPT: the root of the jurisdiction. */
  unitId?: string;
  /** CADRE: the cadre the token belongs to. */
  cadreId?: string;
  /** HR_SYNC: the HR system's source name. */
  source?: string;
  /** The request this caller is making, for the audit trail; never a token claim. */
  requestId?: string;
  /** The request's time limit: its transactions abort when it runs out; never a token claim. */
  deadline?: RequestDeadline;
}
