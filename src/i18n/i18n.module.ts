import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LocaleInterceptor } from './locale.interceptor';
import { ReasonResolver } from './reason.resolver';

/** Reasons rendered in the caller's locale, and the `locale` argument that picks it. */
@Module({ providers: [ReasonResolver, { provide: APP_INTERCEPTOR, useClass: LocaleInterceptor }] })
export class I18nModule {}
