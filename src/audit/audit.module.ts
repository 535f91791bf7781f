import { Global, Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  providers: [AuditResolver, AuditService, TransactionRunner],
  exports: [AuditService, TransactionRunner],
})
export class AuditModule {}
