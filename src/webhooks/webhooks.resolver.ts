import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhook.model';
import { WebhooksService } from './webhooks.service';

const MANAGERS = [Role.ADMIN, Role.ORG_DEPT, Role.HR_SYNC] as const;

@Resolver(() => WebhookSubscription)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Query(() => [WebhookSubscription], {
    description:
      "The webhook subscriptions the caller manages (事件订阅): a department's in its jurisdiction, an HR system's " +
      'for its source, all for ADMIN.',
  })
  @Roles(...MANAGERS)
  async webhookSubscriptions(@CurrentCaller() caller: Caller): Promise<WebhookSubscription[]> {
    return this.service.list(caller);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: "A subscription's delivery log, newest first: status, attempts, the receiver's last answer.",
  })
  @Roles(...MANAGERS)
  async webhookDeliveries(
    @CurrentCaller() caller: Caller,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return this.service.deliveries(caller, args);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description: 'Subscribes a receiver URL to events; returns the signing secret this once.',
  })
  @Roles(...MANAGERS)
  async createWebhookSubscription(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The receiver, its owner and its events.' })
    input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.service.create(caller, input);
  }

  @Mutation(() => WebhookSubscription, {
    description:
      'Changes the URL, events, description or active state; switched off, undelivered ones are given up.',
  })
  @Roles(...MANAGERS)
  async updateWebhookSubscription(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The subscription and what changes.' })
    input: UpdateWebhookSubscriptionInput,
  ): Promise<WebhookSubscription> {
    return this.service.update(caller, input);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description: 'A new signing secret (the old one stops working at once); returned this once.',
  })
  @Roles(...MANAGERS)
  async rotateWebhookSecret(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'The subscription.' }) id: string,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.service.rotateSecret(caller, id);
  }

  @Mutation(() => Boolean, { description: 'Deletes a subscription and its delivery log.' })
  @Roles(...MANAGERS)
  async deleteWebhookSubscription(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'The subscription.' }) id: string,
  ): Promise<boolean> {
    return this.service.remove(caller, id);
  }
}
