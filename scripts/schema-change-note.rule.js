'use strict';
/**
 * A graphql-inspector diff rule (npm run lint:schema): a breaking change from schema/released.gql to schema.gql
 * passes only when the change note, docs/api-changes.md, lists its path with a reason under "## Unreleased":
 *
 *   - `PageInfo.endCursor`: why it had to go, and what clients use instead.
 *
 * A listed change is reported as dangerous, with its reason; an unlisted one stays breaking, so the diff (and
 * npm run lint) fails. SCHEMA_CHANGE_NOTE points at another note (the tests use it).
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const NOTE = process.env.SCHEMA_CHANGE_NOTE || join(__dirname, '..', 'docs', 'api-changes.md');

/** Path → reason, from the list items of the "## Unreleased" section. */
function listedReasons(text) {
  const section = text.split(/^## /m).find((s) => /^Unreleased\b/i.test(s)) || '';
  const reasons = new Map();
  for (const m of section.matchAll(/^\s*[-*]\s+`([^`]+)`\s*:\s*(\S.*)$/gm)) reasons.set(m[1].trim(), m[2].trim());
  return reasons;
}

function changeNote({ changes }) {
  const reasons = listedReasons(readFileSync(NOTE, 'utf8'));
  return changes.map((change) => {
    if (change.criticality.level !== 'BREAKING') return change;
    const reason = change.path ? reasons.get(change.path) : undefined;
    if (!reason) {
      return {
        ...change,
        message: `${change.message} [not in the change note: list \`${change.path}\` with a reason under "## Unreleased" in docs/api-changes.md]`,
      };
    }
    return {
      ...change,
      criticality: { ...change.criticality, level: 'DANGEROUS', reason },
      message: `${change.message} [breaking, listed in the change note: ${reason}]`,
    };
  });
}

// graphql-inspector loads the rule as an ES module's default export.
Object.defineProperty(exports, '__esModule', { value: true });
exports.default = changeNote;
exports.listedReasons = listedReasons;
