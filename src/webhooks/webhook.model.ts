import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
} from 'class-validator';
import { MaxLength } from '../common/max-length';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Connection, PageArgs } from '../common/graphql/pagination';

/** The events a subscription may ask for; the wire names are the dotted ones (`flag.started`). */
export enum WebhookEvent {
  FLAG_STARTED = 'flag.started',
  FLAG_ENDED = 'flag.ended',
  SYNC_FINISHED = 'sync.finished',
  POOL_DECISION_RECORDED = 'pool.decision.recorded',
  ACHIEVEMENT_CLAIMED = 'achievement.claimed',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    'An event a webhook subscription receives (事件); the delivery body names it as `flag.started` etc.',
  valuesMap: {
    FLAG_STARTED: {
      description:
        'A flag holds for a cadre that did not the day before (预警开始), from the daily flag job: a limit reached ' +
        'on a date with no write that day, or a write that made a flag hold.',
    },
    FLAG_ENDED: { description: 'A flag that held no longer does (预警结束), from the daily flag job.' },
    SYNC_FINISHED: {
      description:
        'An HR sync run finished, committed or rejected (同步完成), with its counts; not dry runs.',
    },
    POOL_DECISION_RECORDED: {
      description: 'A decision on a talent-pool member was recorded (人才库决定): promoted, deferred, …',
    },
    ACHIEVEMENT_CLAIMED: {
      description: 'A cadre claimed an achievement that awaits verification (实绩待核实).',
    },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  QUEUED = 'QUEUED',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesMap: {
    PENDING: { description: 'Written with its event; not yet handed to the queue (待发送).' },
    QUEUED: { description: 'In the job queue: being sent, or waiting for its next retry (发送中).' },
    DELIVERED: { description: 'The receiver answered 2xx (已送达).' },
    DEAD: {
      description:
        'Every retry failed, or the subscription was switched off: it will not be sent again (已放弃).',
    },
  },
});

@ObjectType('WebhookSubscription', {
  description:
    "A department's or an HR system's subscription to events (事件订阅): where they are POSTed, signed with the " +
    "subscription's secret (HMAC-SHA256, header X-Cadre-Signature: t=<unix seconds>,v1=<hex of HMAC(t.body)>).",
})
export class WebhookSubscription {
  @Field(() => ID, { description: 'The subscription id.' }) id!: string;
  @Field(() => ID, {
    nullable: true,
    description: "A department's subscription: events of cadres and pools in this unit's subtree.",
  })
  unitId!: string | null;
  @Field(() => String, { nullable: true, description: "An HR system's subscription: its own sync runs." })
  syncSource!: string | null;
  @Field({ description: 'The receiver: an http(s) URL that answers 2xx.' }) url!: string;
  @Field(() => [WebhookEvent], { description: 'The events it receives.' }) events!: WebhookEvent[];
  @Field({ description: 'Switched off, it receives nothing and its undelivered deliveries are given up.' })
  active!: boolean;
  @Field(() => String, { nullable: true, description: "What it is for, in the owner's words." })
  description!: string | null;
  @Field({ description: 'Who created it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
}

@ObjectType('WebhookSubscriptionWithSecret', {
  description: 'A subscription and its signing secret, shown this once (on creation and on rotation).',
})
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscription, { description: 'The subscription.' }) subscription!: WebhookSubscription;
  @Field({ description: 'The HMAC-SHA256 key for X-Cadre-Signature; store it: it is not shown again.' })
  secret!: string;
}

@ObjectType('WebhookDelivery', {
  description: 'One event sent to one subscription: the delivery log (发送记录).',
})
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also the X-Cadre-Delivery header: a receiver drops repeats by it.' })
  id!: string;
  @Field(() => ID, { description: 'The subscription it was sent to.' }) subscriptionId!: string;
  @Field(() => WebhookEvent, { description: 'The event (x-cadre-event header).' }) event!: WebhookEvent;
  @Field(() => JSONScalar, { description: 'The event data, as the body carries it under `data`.' })
  payload!: Record<string, unknown>;
  @Field(() => Date, { description: 'When the event happened (its outbox row was written).' })
  occurredAt!: Date;
  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts!: number;
  @Field(() => Int, { nullable: true, description: "The receiver's last HTTP status." })
  lastStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' }) lastError!:
    string | null;
  @Field(() => Date, { nullable: true, description: 'When the last attempt was made.' })
  lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the receiver accepted it (2xx).' })
  deliveredAt!: Date | null;
}

@ObjectType('WebhookDeliveryConnection', { description: 'A page of deliveries, newest first.' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({
  description: 'A new subscription: exactly one of unitId (a department) and syncSource (an HR system).',
})
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, { nullable: true, description: 'A unit in your jurisdiction (departments, ADMIN).' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => String, {
    nullable: true,
    description: "An HR source (HR_SYNC: your token's own; ADMIN: any).",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'syncSource is a source name (letters, digits, _ . -)' })
  syncSource?: string;

  @Field({
    description: 'The receiver: an http(s) URL on a public address (unless WEBHOOK_ALLOW_PRIVATE_URLS).',
  })
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url!: string;

  @Field(() => [WebhookEvent], { description: 'The events to receive; at least one.' })
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(5)
  @IsEnum(WebhookEvent, { each: true })
  events!: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What it is for (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

@InputType({ description: 'A change to a subscription: only the fields given change.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The subscription to change.' })
  @IsUUID('all', { message: 'id must be a subscription id (UUID)' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new receiver URL.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The new list of events.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(5)
  @IsEnum(WebhookEvent, { each: true })
  events?: WebhookEvent[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'false switches it off (undelivered ones become DEAD).',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'What it is for (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The subscription whose deliveries to list.' })
  @IsUUID('all', { message: 'subscriptionId must be a subscription id (UUID)' })
  subscriptionId!: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus;
}
