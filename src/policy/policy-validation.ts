import { DomainError } from '../common/errors/domain-error';
import { PolicyDocument, RuleId } from './policy.types';

/** Every rule a policy must define, in the order they are listed. */
export const RULE_IDS: readonly RuleId[] = [
  'POST_LIMIT_SAME_POST',
  'LEVEL_LIMIT_SAME_AREA',
  'TERM_LIMIT',
  'LEVEL_TOTAL_LIMIT',
  'TOWNSHIP_MIN_SERVICE',
  'WARNING_WINDOW',
  'PROMO_WORK_YEARS',
  'PROMO_GRASSROOTS_YEARS',
  'PROMO_TWO_POSTS',
  'PROMO_TIME_IN_LEVEL',
  'PROMO_EDUCATION',
  'PROMO_APPRAISAL',
  'PROMO_NO_RECENT',
  'TRAINING_5Y',
  'TRAINING_ANNUAL',
  'INDUCTION_TRAINING',
  'SPECIALIST',
];

const RECOGNITION_LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'];

/** What each rule's params must hold; `counts` are whole numbers, `numbers` any number ≥ 0. */
interface ParamShape {
  numbers?: string[];
  counts?: string[];
  levelLists?: string[];
  stringLists?: string[];
}
const SHAPES: Record<RuleId, ParamShape> = {
  POST_LIMIT_SAME_POST: { numbers: ['years'] },
  LEVEL_LIMIT_SAME_AREA: { numbers: ['years'] },
  TERM_LIMIT: { counts: ['terms'], numbers: ['termYears'] },
  LEVEL_TOTAL_LIMIT: { numbers: ['years'] },
  TOWNSHIP_MIN_SERVICE: { numbers: ['years'] },
  WARNING_WINDOW: { counts: ['months'] },
  PROMO_WORK_YEARS: { numbers: ['years'], levelLists: ['appliesToLevels'] },
  PROMO_GRASSROOTS_YEARS: { numbers: ['years'], levelLists: ['appliesToLevels'] },
  PROMO_TWO_POSTS: { counts: ['posts'], levelLists: ['appliesToLevels'] },
  PROMO_TIME_IN_LEVEL: { numbers: ['deputyToChiefYears', 'chiefToNextDeputyYears'] },
  PROMO_EDUCATION: { stringLists: ['order'] },
  PROMO_APPRAISAL: {
    counts: ['excellentShortensMonths'],
    stringLists: ['notCountingGrades', 'blockingGrades'],
  },
  PROMO_NO_RECENT: { numbers: ['years'] },
  TRAINING_5Y: { numbers: ['hours', 'windowYears'], levelLists: ['appliesToLevels'] },
  TRAINING_ANNUAL: { numbers: ['hours'], levelLists: ['appliesToLevels'] },
  INDUCTION_TRAINING: { counts: ['withinMonths'], stringLists: ['qualifyingKinds'] },
  SPECIALIST: { counts: ['minCount'], numbers: ['windowYears', 'minImprovementPercent'] },
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (field: string, message: string): never => {
  throw DomainError.badInput(field, message);
};

function object(v: unknown, field: string): Json {
  return isObject(v) ? v : bad(field, `${field} must be an object.`);
}

function text(v: unknown, field: string): string {
  return typeof v === 'string' && v.trim().length > 0
    ? v
    : bad(field, `${field} must be a non-empty string.`);
}

function number(v: unknown, field: string, whole = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return bad(field, `${field} must be a number.`);
  if (v < 0) return bad(field, `${field} cannot be negative (got ${v}).`);
  if (whole && !Number.isInteger(v)) return bad(field, `${field} must be a whole number (got ${v}).`);
  return v;
}

function strings(v: unknown, field: string): string[] {
  if (!Array.isArray(v)) return bad(field, `${field} must be a list of strings.`);
  return v.map((s, i) => text(s, `${field}[${i}]`));
}

function level(code: unknown, field: string, levels: ReadonlySet<string>): string {
  const c = text(code, field);
  return levels.has(c) ? c : bad(field, `${field}: "${c}" is not a known level code.`);
}

function validateLadders(v: unknown, levels: ReadonlySet<string>): void {
  if (!Array.isArray(v) || v.length === 0)
    bad('document.ladders', 'document.ladders must be a non-empty list.');
  const ids = new Set<string>();
  (v as unknown[]).forEach((raw, li) => {
    const f = `document.ladders[${li}]`;
    const ladder = object(raw, f);
    const id = text(ladder.id, `${f}.id`);
    if (ids.has(id)) bad(`${f}.id`, `Two ladders are both called "${id}".`);
    ids.add(id);
    text(ladder.name, `${f}.name`);
    if (!Array.isArray(ladder.steps)) bad(`${f}.steps`, `${f}.steps must be a list.`);
    const next = new Map<string, string>();
    (ladder.steps as unknown[]).forEach((rawStep, si) => {
      const sf = `${f}.steps[${si}]`;
      const step = object(rawStep, sf);
      const from = level(step.from, `${sf}.from`, levels);
      const to = level(step.to, `${sf}.to`, levels);
      number(step.minYears, `${sf}.minYears`);
      if (next.has(from)) bad(`${sf}.from`, `Level ${from} has two next steps in ladder ${id}.`);
      next.set(from, to);
    });
    for (const start of next.keys()) {
      const seen = new Set<string>([start]);
      for (let cur = next.get(start); cur !== undefined; cur = next.get(cur)) {
        if (seen.has(cur)) bad(`${f}.steps`, `Ladder ${id} has a cycle through ${cur}.`);
        seen.add(cur);
      }
    }
  });
}

function validateParams(id: RuleId, params: Json, field: string, levels: ReadonlySet<string>): void {
  const shape = SHAPES[id];
  for (const k of shape.numbers ?? []) number(params[k], `${field}.${k}`);
  for (const k of shape.counts ?? []) number(params[k], `${field}.${k}`, true);
  for (const k of shape.levelLists ?? []) {
    strings(params[k], `${field}.${k}`).forEach((c, i) => level(c, `${field}.${k}[${i}]`, levels));
  }
  for (const k of shape.stringLists ?? []) strings(params[k], `${field}.${k}`);
  if (id === 'INDUCTION_TRAINING') {
    const days = object(params.daysByLevel, `${field}.daysByLevel`);
    for (const [code, d] of Object.entries(days)) {
      level(code, `${field}.daysByLevel`, levels);
      number(d, `${field}.daysByLevel.${code}`);
    }
  }
  if (id === 'PROMO_EDUCATION') {
    const order = params.order as string[];
    const known = (v: unknown, f: string) =>
      order.includes(text(v, f)) ? v : bad(f, `${f} must be one of ${order.join(', ')}.`);
    known(params.defaultMinimum, `${field}.defaultMinimum`);
    for (const [code, min] of Object.entries(object(params.minimumByLevel, `${field}.minimumByLevel`))) {
      level(code, `${field}.minimumByLevel`, levels);
      known(min, `${field}.minimumByLevel.${code}`);
    }
  }
  if (id === 'SPECIALIST') {
    const f = `${field}.recognitionAtLeast`;
    if (!RECOGNITION_LEVELS.includes(text(params.recognitionAtLeast, f))) {
      bad(f, `${f} must be one of ${RECOGNITION_LEVELS.join(', ')}.`);
    }
  }
}

/** Rules may come as the stored map or as the list `policy { rules }` returns. */
function rulesById(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const byId: Json = {};
  v.forEach((raw, i) => {
    const id = text(object(raw, `document.rules[${i}]`).id, `document.rules[${i}].id`);
    if (byId[id] !== undefined) bad(`document.rules[${i}].id`, `Rule ${id} is listed twice.`);
    byId[id] = raw;
  });
  return byId;
}

/**
 * Checks a policy document before it is published. Throws BAD_USER_INPUT naming the first bad field:
 * negative or non-numeric thresholds, unknown level codes, a ladder with a cycle or a level with two next
 * steps, unknown or missing rules. `levels` is the set of codes in position_level.
 */
export function validatePolicyDocument(input: unknown, levels: ReadonlySet<string>): PolicyDocument {
  const doc = object(input, 'document');
  validateLadders(doc.ladders, levels);
  const rules = object(rulesById(doc.rules), 'document.rules');
  for (const key of Object.keys(rules)) {
    if (!(RULE_IDS as readonly string[]).includes(key)) {
      bad(`document.rules.${key}`, `Unknown rule id ${key}.`);
    }
  }
  for (const id of RULE_IDS) {
    const f = `document.rules.${id}`;
    if (rules[id] === undefined) bad(f, `Rule ${id} is missing; a policy defines every rule.`);
    const rule = object(rules[id], f);
    if (rule.id !== id) bad(`${f}.id`, `${f}.id must be "${id}".`);
    text(rule.sentence, `${f}.sentence`);
    text(rule.source, `${f}.source`);
    validateParams(id, object(rule.params, `${f}.params`), `${f}.params`, levels);
  }
  const weights = object(doc.rankingWeights, 'document.rankingWeights');
  for (const [k, w] of Object.entries(weights)) number(w, `document.rankingWeights.${k}`);
  return { ladders: doc.ladders, rules, rankingWeights: weights } as unknown as PolicyDocument;
}
