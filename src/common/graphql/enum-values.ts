import { LABELS, Labels } from '../../i18n/labels';

type LabelGroup = { [K in keyof Labels]: Labels[K] extends string ? never : K }[keyof Labels];
type ValuesMap<V extends string> = Record<V, { description: string }>;

/**
 * A registerEnumType valuesMap in which each value reads "English (中文)" from the one dictionary of code names
 * (src/i18n/labels.ts), then a note where the name alone does not say enough. A value with neither label nor note
 * gets no description, which the schema linter (npm run lint) reports.
 */
export function labelledValues<V extends string>(
  values: readonly V[],
  group: LabelGroup,
  notes: Partial<Record<V, string>> = {},
): ValuesMap<V> {
  const en: Record<string, string> = LABELS.en[group];
  const zh: Record<string, string> = LABELS['zh-CN'][group];
  const map = {} as ValuesMap<V>;
  for (const v of values) {
    const name = en[v] && zh[v] ? (en[v].includes(zh[v]) ? en[v] : `${en[v]} (${zh[v]})`) : undefined;
    const note = notes[v];
    const description = name && note ? `${name}: ${note}` : (name ?? note);
    if (description !== undefined) map[v] = { description };
  }
  return map;
}
