import { ParameterRule } from './rule';

/**
 * REAPPOINTMENT_GAP: days with no posting between a post's end and its re-appointment that keep continuity in the
 * post and at the level (HR records close and reopen posts around a re-election). Not a finding of its own:
 * posting_run reads it in SQL (reappointment_gap_days, migration add-reappointment-gap), from the version in
 * force when the later posting began, so the same-post and level clocks, the time in level and induction
 * training all follow it; LEVEL_LIMIT_SAME_AREA's runs read it the same way.
 */
export const reappointmentGapRule: ParameterRule<'REAPPOINTMENT_GAP'> = {
  id: 'REAPPOINTMENT_GAP',
  kind: 'parameter',
  params: { counts: ['days'] },
  readBy: [
    'POST_LIMIT_SAME_POST',
    'LEVEL_TOTAL_LIMIT',
    'TERM_LIMIT',
    'LEVEL_LIMIT_SAME_AREA',
    'INDUCTION_TRAINING',
  ],
};
