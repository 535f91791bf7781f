import { Module } from '@nestjs/common';
import { FlagEventsService } from './flag-events.service';
import { WebhookQueueService } from './webhook-queue.service';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Webhooks: subscriptions, the outbox and its delivery by pg-boss, the daily flag events (docs/webhooks.md). */
@Module({
  providers: [WebhooksResolver, WebhooksService, WebhookQueueService, FlagEventsService],
  exports: [WebhookQueueService, FlagEventsService],
})
export class WebhooksModule {}
