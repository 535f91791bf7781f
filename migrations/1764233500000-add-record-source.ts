import { MigrationInterface, QueryRunner } from 'typeorm';

const OWNED = ['unit', 'cadre', 'posting'];
/** The unit columns a sync writes; the path trigger's cascade to a moved subtree touches only `path`. */
const UNIT_COLUMNS = 'code, name, level, kind, parent_id, source';
const HISTORY = [
  'posting',
  'training',
  'achievement',
  'appraisal',
  'talent_pool_member',
  'talent_pool_decision',
];

/**
 * Who keeps a unit or a cadre: `source` is the HR system that created it (postings have had theirs from the
 * start); NULL means the service's own users (GraphQL, seed), which no HR system may change. Existing rows
 * created by a sync get that sync's source back from the audit log.
 *
 * Guards the application already keeps, here too:
 * - in a transaction acting for an HR system (cadre.actor_role = HR_SYNC), a unit, cadre or posting may be
 *   written or deleted only when it is, and stays, that system's own (cadre.actor_source);
 * - an organisation department (cadre.actor_role = ORG_DEPT) may delete only a cadre with no history yet.
 * Both are row triggers whose WHEN reads a setting, so other writers never enter the function.
 */
export class AddRecordSource1764233500000 implements MigrationInterface {
  name = 'AddRecordSource1764233500000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['unit', 'cadre']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN source varchar(64)`);
      await q.query(`
        UPDATE ${table} t SET source = r.source
          FROM audit_log a JOIN sync_run r ON a.request_id = 'sync:' || r.id::text
         WHERE a.entity = '${table}' AND a.action = 'INSERT' AND a.entity_id = t.id::text`);
    }
    await q.query(`
      CREATE FUNCTION hr_source_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE src text := nullif(current_setting('cadre.actor_source', true), '');
      BEGIN
        IF (TG_OP <> 'INSERT' AND OLD.source IS DISTINCT FROM src)
           OR (TG_OP <> 'DELETE' AND NEW.source IS DISTINCT FROM src) THEN
          RAISE check_violation USING CONSTRAINT = TG_TABLE_NAME || '_source_owner_check',
            MESSAGE = TG_TABLE_NAME || ' belongs to another source; an HR system changes only its own records';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of OWNED) {
      const update = table === 'unit' ? `UPDATE OF ${UNIT_COLUMNS}` : 'UPDATE';
      await q.query(`
        CREATE TRIGGER ${table}_source_guard_trg BEFORE INSERT OR ${update} OR DELETE ON ${table}
        FOR EACH ROW WHEN (current_setting('cadre.actor_role', true) = 'HR_SYNC')
        EXECUTE FUNCTION hr_source_guard()`);
    }
    await q.query(`
      CREATE FUNCTION cadre_history_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${HISTORY.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE cadre_id = OLD.id)`).join(' OR ')} THEN
          RAISE check_violation USING CONSTRAINT = 'cadre_history_delete_check',
            MESSAGE = 'only an administrator deletes a cadre with history';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER cadre_history_delete_guard_trg BEFORE DELETE ON cadre
      FOR EACH ROW WHEN (current_setting('cadre.actor_role', true) = 'ORG_DEPT')
      EXECUTE FUNCTION cadre_history_delete_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cadre_history_delete_guard_trg ON cadre`);
    await q.query(`DROP FUNCTION cadre_history_delete_guard()`);
    for (const table of OWNED) await q.query(`DROP TRIGGER ${table}_source_guard_trg ON ${table}`);
    await q.query(`DROP FUNCTION hr_source_guard()`);
    for (const table of ['unit', 'cadre']) await q.query(`ALTER TABLE ${table} DROP COLUMN source`);
  }
}
