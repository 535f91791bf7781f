import { TRAINING_KINDS } from '../training/training.entity';
import { bad, ParamShape, strings } from './params';

const KINDS: ReadonlySet<string> = new Set(TRAINING_KINDS);

/**
 * The params of the training-hours rules: `hours` and `days` (the text's alternative in days of training), the
 * `countingKinds` of training that count (each a known training kind) and the levels; TRAINING_5Y adds its window.
 */
export const trainingParams = (more: string[]): ParamShape => ({
  numbers: ['hours', 'days', ...more],
  levelLists: ['appliesToLevels'],
  check: (params, field) => {
    strings(params.countingKinds, `${field}.countingKinds`).forEach((k, i) => {
      if (!KINDS.has(k))
        bad(`${field}.countingKinds[${i}]`, `${field}.countingKinds: "${k}" is not a training kind.`);
    });
  },
});
