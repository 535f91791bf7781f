import { Args, Query, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AuditEntry, AuditEntryConnection } from './audit-entry.model';
import { AuditService } from './audit.service';
import { AuditLogArgs } from './dto/audit-log.args';

/** Read-only: no operation changes or removes audit rows (and the database refuses it anyway). */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first.' })
  @Roles(Role.ADMIN)
  async auditLog(@CurrentCaller() caller: Caller, @Args() args: AuditLogArgs): Promise<AuditEntryConnection> {
    return this.service.list(caller, args);
  }
}
