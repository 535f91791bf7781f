import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { errorText } from '../i18n/errors';
import { avoidanceReason, renderReason } from '../i18n/reasons';
import { checkAvoidance, ProposedPosting } from '../teams/avoidance.sql';

/**
 * An appointment that would breach the avoidance rules (回避, AVOIDANCE) is refused: CONFLICT on input.cadreId,
 * `extensions.reason` AVOIDANCE_BREACH and `extensions.breaches` (codes and facts), the sentences in the reader's
 * locale. The law says such posts shall not be held (公务员法 arts. 74–76), so nothing is recorded.
 */
export async function assertNoAvoidanceBreach(em: EntityManager, proposed: ProposedPosting): Promise<void> {
  const { breaches } = await checkAvoidance(em, proposed);
  if (!breaches.length) return;
  const sentences = (locale: 'zh-CN' | 'en', sep: string) =>
    breaches.map((b) => renderReason(avoidanceReason(b), locale)).join(sep);
  throw new DomainError(
    ErrorCode.CONFLICT,
    `The appointment would breach the avoidance rules. ${sentences('en', ' ')}`,
    'input.cadreId',
    { reason: 'AVOIDANCE_BREACH', breaches },
  ).withText(errorText('AVOIDANCE_BREACH', { breaches: sentences('zh-CN', '') }));
}
