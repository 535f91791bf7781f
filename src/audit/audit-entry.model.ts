import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../auth/caller';
import { Connection } from '../common/graphql/pagination';
import { JSONScalar } from '../common/graphql/json.scalar';

export const AUDIT_ACTIONS = ['INSERT', 'UPDATE', 'DELETE', 'READ'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as Record<
  AuditAction,
  AuditAction
>;
registerEnumType(AuditActionEnum, {
  name: 'AuditAction',
  description: 'INSERT, UPDATE and DELETE of a record, or READ of a full personal record.',
  valuesMap: {
    INSERT: { description: 'A record was created; after holds it.' },
    UPDATE: { description: 'A record was changed; before and after hold both versions.' },
    DELETE: { description: 'A record was deleted; before holds it.' },
    READ: { description: 'A full personal record was read.' },
  },
});

export interface AuditEntryRow {
  id: string;
  at: Date;
  actor_sub: string | null;
  actor_role: Role | null;
  action: AuditAction;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

@ObjectType('AuditEntry', {
  description: 'Who changed or read which record, when, and the values before and after.',
})
export class AuditEntry {
  @Field(() => ID, { description: "The entry's id; entries are numbered in order." }) id!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it happened.' }) at!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The token subject; null for migrations and the seed.',
  })
  actorSub!: string | null;
  @Field(() => Role, {
    nullable: true,
    description: 'The role of the token; null for migrations and the seed.',
  })
  actorRole!: Role | null;
  @Field(() => AuditActionEnum, { description: 'What was done.' }) action!: AuditAction;
  @Field({ description: 'The table, e.g. cadre, posting, achievement_impact.' }) entity!: string;
  @Field({ description: "The record's id." }) entityId!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The row before the change (column names).' })
  before!: unknown;
  @Field(() => JSONScalar, { nullable: true, description: 'The row after the change (column names).' })
  after!: unknown;
  @Field(() => String, {
    nullable: true,
    description: 'The request that did it (x-request-id; sync:<run id> for syncs).',
  })
  requestId!: string | null;

  static from(r: AuditEntryRow): AuditEntry {
    return Object.assign(new AuditEntry(), {
      id: r.id,
      at: r.at,
      actorSub: r.actor_sub,
      actorRole: r.actor_role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    });
  }
}

@ObjectType('AuditEntryConnection', { description: 'A page of the audit log (审计日志), newest first.' })
export class AuditEntryConnection extends Connection(AuditEntry) {}
