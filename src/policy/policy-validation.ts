import { RULES, RULE_IDS } from '../rules/registry';
import { bad, level, number, object, text, validateParams } from '../rules/params';
import { LocalizedText, PolicyDocument, RuleCitation } from './policy.types';

export { RULE_IDS };

type Json = Record<string, unknown>;

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

const localized = (v: unknown, f: string): LocalizedText => {
  const o = object(v, f);
  // Stored as 'zh-CN'; the API's LocalizedText calls it zhCN, so a document read back from `policy` validates too.
  return { 'zh-CN': text(o['zh-CN'] ?? o.zhCN, `${f}.zh-CN`), en: text(o.en, `${f}.en`) };
};

const textOrNull = (v: unknown, f: string): string | null =>
  v === null || v === undefined ? null : text(v, f);

/** A rule's structured citation (optional: versions published before it existed have none). */
function citation(v: unknown, f: string): RuleCitation {
  const o = object(v, f);
  if (o.basis !== 'NATIONAL_DEFAULT' && o.basis !== 'LOCAL_CHOICE')
    bad(`${f}.basis`, `${f}.basis must be NATIONAL_DEFAULT or LOCAL_CHOICE.`);
  if (!Array.isArray(o.references)) bad(`${f}.references`, `${f}.references must be a list.`);
  const references = (o.references as unknown[]).map((raw, i) => {
    const rf = `${f}.references[${i}]`;
    const r = object(raw, rf);
    return {
      title: text(r.title, `${rf}.title`),
      year: r.year === null || r.year === undefined ? null : number(r.year, `${rf}.year`, true),
      article: textOrNull(r.article, `${rf}.article`),
      articleEn: textOrNull(r.articleEn, `${rf}.articleEn`),
      ...(r.titleEn === undefined ? {} : { titleEn: textOrNull(r.titleEn, `${rf}.titleEn`) }),
    };
  });
  const note = o.note === null || o.note === undefined ? null : localized(o.note, `${f}.note`);
  return { basis: o.basis as RuleCitation['basis'], references, note };
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
  // Each rule as stored: its id, sentence, source and params (what `policy { rules }` adds, e.g. evaluated, is not).
  const stored: Json = {};
  for (const id of RULE_IDS) {
    const f = `document.rules.${id}`;
    if (rules[id] === undefined) bad(f, `Rule ${id} is missing; a policy defines every rule.`);
    const rule = object(rules[id], f);
    if (rule.id !== id) bad(`${f}.id`, `${f}.id must be "${id}".`);
    const params = object(rule.params, `${f}.params`);
    validateParams(RULES[id].params, params, `${f}.params`, levels);
    stored[id] = {
      id,
      sentence: text(rule.sentence, `${f}.sentence`),
      source: text(rule.source, `${f}.source`),
      ...(rule.sentences === undefined ? {} : { sentences: localized(rule.sentences, `${f}.sentences`) }),
      ...(rule.citation === undefined ? {} : { citation: citation(rule.citation, `${f}.citation`) }),
      params,
    };
  }
  const weights = object(doc.rankingWeights, 'document.rankingWeights');
  for (const [k, w] of Object.entries(weights)) number(w, `document.rankingWeights.${k}`);
  return { ladders: doc.ladders, rules: stored, rankingWeights: weights } as unknown as PolicyDocument;
}
