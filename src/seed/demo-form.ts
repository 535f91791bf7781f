import { placeholderPortrait } from './demo-photo';
import { RunSql } from './rows';

/**
 * The appointment form's records for DEMO-002 (杨守田, DOMAIN.md case 2: the township head kept too long), so
 * that his 干部任免审批表 is filled in: place of birth, health, title, specialties, rewards, both education sets
 * (consistent with his record's highest education, BACHELOR), family, a placeholder photo, and the proposal to
 * make him deputy county head. None of these fields feeds a rule, so no flag or candidate outcome changes. Names are fictional.
 */
export async function writeDemoForm(run: RunSql): Promise<void> {
  const cadre = `(SELECT id FROM cadre WHERE external_id = 'DEMO-002')`;
  await run(
    `UPDATE cadre SET place_of_birth = $1, health = $2, professional_title = $3, specialties = $4,
            rewards_penalties = $5
      WHERE external_id = 'DEMO-002'`,
    [
      '禾溪县稻香镇',
      '健康',
      '农艺师',
      '农业技术推广，乡村产业发展',
      '2019年被中共云岭市委、云岭市人民政府评为脱贫攻坚先进个人；2023年被禾溪县人民政府记三等功。',
    ],
  );
  await run(
    `INSERT INTO cadre_education (cadre_id, kind, level, degree, school, major, start_date, end_date)
     SELECT ${cadre}, * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])`,
    [
      ['FULL_TIME', 'IN_SERVICE'],
      ['BACHELOR', 'BACHELOR'],
      ['农学学士', '法学学士'],
      ['云岭农业大学农学院', '云岭大学法学院'],
      ['农学专业', '法学专业'],
      ['2004-09-01', '2017-03-01'],
      ['2008-07-01', '2019-07-01'],
    ],
  );
  await run(
    `INSERT INTO family_member (cadre_id, position, relation, relation_kind, name, birth_date, political_status,
                                work_unit_and_post)
     SELECT ${cadre}, * FROM unnest($1::int2[], $2::text[], $7::text[], $3::text[], $4::date[], $5::text[], $6::text[])`,
    [
      [0, 1, 2, 3],
      ['妻子', '儿子', '父亲', '母亲'],
      ['李秀芬', '杨子轩', '杨德明', '王桂兰'],
      ['1987-04-16', '2013-06-08', '1958-02-21', '1960-11-03'],
      ['中共党员', '群众', '群众', '群众'],
      ['禾溪县第一中学教师', '禾溪县实验小学学生', '禾溪县稻香镇农民', '禾溪县稻香镇农民'],
      ['SPOUSE', 'CHILD', 'PARENT', 'PARENT'],
    ],
  );
  await run(`INSERT INTO cadre_photo (cadre_id, content_type, content) VALUES (${cadre}, 'image/png', $1)`, [
    placeholderPortrait(),
  ]);
  await run(
    `INSERT INTO appointment_proposal (cadre_id, proposed_on, proposed_post, posts_to_remove, reason)
     VALUES (${cadre}, $1, $2, $3, $4)`,
    [
      '2026-11-27',
      '禾溪县人民政府副县长',
      '禾溪县金沙镇镇长',
      '杨守田同志任镇长已满十年，历年年度考核均为称职以上，熟悉农业农村工作，具备县处级副职任职资格。' +
        '因工作需要，拟提名为禾溪县人民政府副县长人选，免去其金沙镇镇长职务。',
    ],
  );
}
