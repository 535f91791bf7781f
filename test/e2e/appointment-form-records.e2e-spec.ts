import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

const EDU = 'id cadreId kind level degree school major startDate endDate';
const FAMILY = 'id cadreId position relation name birthDate politicalStatus workUnitAndPost';
const PROPOSAL = 'id cadreId proposedOn proposedPost postsToRemove reason';
const SET_EDU = `mutation($input: SetCadreEducationInput!) { setCadreEducation(input: $input) { ${EDU} } }`;
const ADD_FAMILY = `mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { ${FAMILY} } }`;
const UPDATE_FAMILY = `mutation($input: UpdateFamilyMemberInput!) { updateFamilyMember(input: $input) { ${FAMILY} } }`;
const DELETE_FAMILY = `mutation($id: ID!) { deleteFamilyMember(id: $id) }`;
const PHOTO = `mutation($input: UploadCadrePhotoInput!) { uploadCadrePhoto(input: $input) { cadreId contentType byteSize } }`;
const DELETE_PHOTO = `mutation($id: ID!) { deleteCadrePhoto(id: $id) }`;
const CREATE_PROPOSAL = `mutation($input: CreateAppointmentProposalInput!) {
  createAppointmentProposal(input: $input) { ${PROPOSAL} } }`;
const UPDATE_PROPOSAL = `mutation($input: UpdateAppointmentProposalInput!) {
  updateAppointmentProposal(input: $input) { ${PROPOSAL} } }`;
const UPDATE_CADRE = `mutation($input: UpdateCadreInput!) {
  updateCadre(input: $input) { placeOfBirth health specialties rewardsPenalties } }`;
const READ = `query($id: ID!) { cadre(id: $id) {
  placeOfBirth health specialties rewardsPenalties
  educations { ${EDU} } familyMembers { ${FAMILY} } photo { contentType byteSize }
  appointmentProposals { ${PROPOSAL} } } }`;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number): string =>
  Buffer.concat([PNG_MAGIC, Buffer.alloc(size - 8, 7)]).toString('base64');
const TABLES = ['cadre', 'cadre_education', 'family_member', 'cadre_photo', 'appointment_proposal'];

describe('appointment form records', () => {
  let t: TestApp;
  let cadreId: string;
  let dept: string;
  let otherDept: string;

  beforeAll(async () => {
    t = await createTestApp();
    const county = await makeUnit(t.ds, { level: 'COUNTY' });
    const township = await makeUnit(t.ds, { parentId: county.id });
    const otherCounty = await makeUnit(t.ds, { level: 'COUNTY' });
    cadreId = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, cadreId, township.id);
    dept = t.token({ role: Role.ORG_DEPT, unitId: county.id, sub: 'od-county' });
    otherDept = t.token({ role: Role.ORG_DEPT, unitId: otherCounty.id, sub: 'od-other' });
  });
  afterAll(() => t.close());

  const fingerprints = () => Promise.all(TABLES.map((table) => tableFingerprint(t.ds, table)));

  async function rejects(
    query: string,
    vars: Record<string, unknown>,
    code: string,
    field?: string,
    token?: string,
  ) {
    const before = await fingerprints();
    const res = await t.gql(query, vars, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await fingerprints()).toEqual(before);
  }

  it('records the form’s personal fields on the cadre', async () => {
    const fields = {
      placeOfBirth: '禾溪县稻香镇',
      health: '健康',
      specialties: '农业技术推广',
      rewardsPenalties: '无',
    };
    const res = ok(await t.gql(UPDATE_CADRE, { input: { id: cadreId, ...fields } }, dept));
    expect(res.updateCadre).toEqual(fields);
    expect(ok(await t.gql(READ, { id: cadreId })).cadre).toMatchObject(fields);
  });

  it('keeps one education set per kind: a second one of the same kind replaces it', async () => {
    const c = (await makeCadre(t.ds)).id;
    const full = {
      startDate: '2004-09-01',
      endDate: '2008-07-01',
      cadreId: c,
      kind: 'FULL_TIME',
      level: 'BACHELOR',
      degree: '农学学士',
      school: '云岭农业大学',
      major: '农学',
    };
    ok(await t.gql(SET_EDU, { input: full }));
    const replaced = ok(await t.gql(SET_EDU, { input: { ...full, school: '云岭大学' } })).setCadreEducation;
    const inService = ok(
      await t.gql(SET_EDU, { input: { cadreId: c, kind: 'IN_SERVICE', level: 'MASTER', degree: null } }),
    ).setCadreEducation;
    expect(inService).toMatchObject({ kind: 'IN_SERVICE', level: 'MASTER', degree: null, school: null });
    expect(ok(await t.gql(READ, { id: c })).cadre.educations).toEqual([
      { ...full, id: replaced.id, school: '云岭大学' },
      inService,
    ]);
    expect(
      ok(await t.gql(`mutation($id: ID!) { deleteCadreEducation(id: $id) }`, { id: inService.id })),
    ).toEqual({
      deleteCadreEducation: inService.id,
    });
  });

  it('adds, reorders, corrects and deletes family members; the department’s writes are audited', async () => {
    const wife = ok(
      await t.gql(
        ADD_FAMILY,
        {
          input: {
            cadreId,
            relation: '妻子',
            name: '李秀芬',
            birthDate: '1987-04-16',
            politicalStatus: '中共党员',
            workUnitAndPost: '禾溪县第一中学教师',
          },
        },
        dept,
      ),
    ).addFamilyMember;
    const son = ok(
      await t.gql(ADD_FAMILY, { input: { cadreId, relation: '儿子', name: '杨子轩' } }, dept),
    ).addFamilyMember;
    expect([wife.position, son.position]).toEqual([0, 1]);
    expect(son).toMatchObject({ birthDate: null, politicalStatus: null, workUnitAndPost: null });
    const moved = ok(
      await t.gql(UPDATE_FAMILY, { input: { id: son.id, position: 0, politicalStatus: '群众' } }, dept),
    ).updateFamilyMember;
    ok(await t.gql(UPDATE_FAMILY, { input: { id: wife.id, position: 1, workUnitAndPost: null } }, dept));
    const listed = ok(await t.gql(READ, { id: cadreId })).cadre.familyMembers;
    expect(listed).toEqual([moved, { ...wife, position: 1, workUnitAndPost: null }]);
    const audit = await t.ds.query(
      `SELECT action, actor_sub FROM audit_log WHERE entity = 'family_member' AND entity_id = $1 ORDER BY id`,
      [wife.id],
    );
    expect(audit).toEqual([
      { action: 'INSERT', actor_sub: 'od-county' },
      { action: 'UPDATE', actor_sub: 'od-county' },
    ]);
    expect(ok(await t.gql(DELETE_FAMILY, { id: son.id }, dept)).deleteFamilyMember).toBe(son.id);
  });

  it('stores a photo up to 32 KiB, replaces it, and audits its hash instead of the picture', async () => {
    const c = (await makeCadre(t.ds)).id;
    const res = ok(
      await t.gql(PHOTO, { input: { cadreId: c, contentType: 'image/png', base64: png(32_768) } }),
    );
    expect(res.uploadCadrePhoto).toEqual({ cadreId: c, contentType: 'image/png', byteSize: 32_768 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    ok(await t.gql(PHOTO, { input: { cadreId: c, contentType: 'image/jpeg', base64: jpeg } }));
    expect(ok(await t.gql(READ, { id: c })).cadre.photo).toEqual({ contentType: 'image/jpeg', byteSize: 7 });
    const audit = await t.ds.query(
      `SELECT action, after FROM audit_log WHERE entity = 'cadre_photo' AND after->>'cadre_id' = $1 ORDER BY id`,
      [c],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['INSERT', 'UPDATE']);
    expect(audit[1].after).toMatchObject({
      byte_size: 7,
      content_type: 'image/jpeg',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(audit[1].after).not.toHaveProperty('content');
    expect(ok(await t.gql(DELETE_PHOTO, { id: c })).deleteCadrePhoto).toBe(c);
    expect(ok(await t.gql(READ, { id: c })).cadre.photo).toBeNull();
  });

  it('records a proposal, changes only the fields given, and deletes it', async () => {
    const created = ok(
      await t.gql(
        CREATE_PROPOSAL,
        { input: { cadreId, proposedOn: '2026-11-27', proposedPost: '副县长', reason: '工作需要' } },
        dept,
      ),
    ).createAppointmentProposal;
    expect(created).toMatchObject({ proposedPost: '副县长', postsToRemove: null, reason: '工作需要' });
    const updated = ok(
      await t.gql(UPDATE_PROPOSAL, { input: { id: created.id, postsToRemove: '镇长' } }, dept),
    ).updateAppointmentProposal;
    expect(updated).toEqual({ ...created, postsToRemove: '镇长' });
    expect(ok(await t.gql(READ, { id: cadreId })).cadre.appointmentProposals).toEqual([updated]);
    ok(await t.gql(`mutation($id: ID!) { deleteAppointmentProposal(id: $id) }`, { id: created.id }, dept));
  });

  it('shows the cadre their own family and education, but not the proposals about them', async () => {
    const self = t.token({ role: Role.CADRE, cadreId });
    const mine = ok(
      await t.gql(`{ me { placeOfBirth educations { kind } familyMembers { name } } }`, {}, self),
    );
    expect(mine.me.placeOfBirth).toBe('禾溪县稻香镇');
    const res = await t.gql(`{ me { appointmentProposals { id } } }`, {}, self);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  describe('refuses bad input with the field at fault, writing nothing', () => {
    const long = (n: number) => '长'.repeat(n);
    it.each([
      [
        'a place of birth over 100 characters',
        UPDATE_CADRE,
        () => ({ input: { id: cadreId, placeOfBirth: long(101) } }),
        'placeOfBirth',
      ],
      [
        'a blank school',
        SET_EDU,
        () => ({ input: { cadreId, kind: 'FULL_TIME', level: 'BACHELOR', school: '  ' } }),
        'school',
      ],
      [
        'a degree over 50 characters',
        SET_EDU,
        () => ({ input: { cadreId, kind: 'IN_SERVICE', level: 'MASTER', degree: long(51) } }),
        'degree',
      ],
      [
        'a graduation before the start of study',
        SET_EDU,
        () => ({
          input: {
            cadreId,
            kind: 'FULL_TIME',
            level: 'BACHELOR',
            startDate: '2008-09-01',
            endDate: '2004-07-01',
          },
        }),
        'endDate',
      ],
      [
        'a blank family name',
        ADD_FAMILY,
        () => ({ input: { cadreId, relation: '父亲', name: ' ' } }),
        'name',
      ],
      [
        'a family position over 99',
        ADD_FAMILY,
        () => ({ input: { cadreId, relation: '父亲', name: '杨德明', position: 100 } }),
        'position',
      ],
      [
        'a family birth date before 1900',
        ADD_FAMILY,
        () => ({ input: { cadreId, relation: '祖父', name: '杨某', birthDate: '1899-12-31' } }),
        'birthDate',
      ],
      [
        'a photo over 32 KiB',
        PHOTO,
        () => ({ input: { cadreId, contentType: 'image/png', base64: png(32_769) } }),
        'base64',
      ],
      [
        'a photo that is not what it claims',
        PHOTO,
        () => ({ input: { cadreId, contentType: 'image/jpeg', base64: png(100) } }),
        'base64',
      ],
      [
        'a photo type other than JPEG or PNG',
        PHOTO,
        () => ({ input: { cadreId, contentType: 'image/gif', base64: png(100) } }),
        'contentType',
      ],
      [
        'a photo that is not base64',
        PHOTO,
        () => ({ input: { cadreId, contentType: 'image/png', base64: '***' } }),
        'base64',
      ],
      [
        'a proposal naming no post',
        CREATE_PROPOSAL,
        () => ({ input: { cadreId, proposedOn: '2026-11-27', postsToRemove: ' ', reason: '工作需要' } }),
        'proposedPost',
      ],
      [
        'a proposal without a reason',
        CREATE_PROPOSAL,
        () => ({ input: { cadreId, proposedOn: '2026-11-27', proposedPost: '副县长', reason: ' ' } }),
        'reason',
      ],
    ])('%s', async (_name, query, vars, field) => {
      await rejects(query, vars(), 'BAD_USER_INPUT', field);
    });

    it('a proposal update that clears its reason or its only post', async () => {
      const p = ok(
        await t.gql(CREATE_PROPOSAL, {
          input: { cadreId, proposedOn: '2026-11-27', proposedPost: '副县长', reason: '工作需要' },
        }),
      ).createAppointmentProposal;
      await rejects(UPDATE_PROPOSAL, { input: { id: p.id, reason: null } }, 'BAD_USER_INPUT', 'reason');
      await rejects(
        UPDATE_PROPOSAL,
        { input: { id: p.id, proposedPost: null } },
        'BAD_USER_INPUT',
        'proposedPost',
      );
      await rejects(UPDATE_FAMILY, { input: { id: p.id, name: '某' } }, 'NOT_FOUND', 'id');
    });
  });

  it('is FORBIDDEN to a department outside the cadre’s jurisdiction and to the cadre, writing nothing', async () => {
    const [member] = await t.ds.query(
      `INSERT INTO family_member (cadre_id, position, relation, relation_kind, name) VALUES ($1, 50, '父亲', 'PARENT', '杨德明') RETURNING id`,
      [cadreId],
    );
    const self = t.token({ role: Role.CADRE, cadreId });
    for (const token of [otherDept, self]) {
      await rejects(UPDATE_CADRE, { input: { id: cadreId, health: '良好' } }, 'FORBIDDEN', undefined, token);
      await rejects(
        SET_EDU,
        { input: { cadreId, kind: 'FULL_TIME', level: 'BACHELOR' } },
        'FORBIDDEN',
        undefined,
        token,
      );
      await rejects(
        ADD_FAMILY,
        { input: { cadreId, relation: '母亲', name: '王桂兰' } },
        'FORBIDDEN',
        undefined,
        token,
      );
      await rejects(UPDATE_FAMILY, { input: { id: member.id, name: '杨某' } }, 'FORBIDDEN', undefined, token);
      await rejects(DELETE_FAMILY, { id: member.id }, 'FORBIDDEN', undefined, token);
      await rejects(
        PHOTO,
        { input: { cadreId, contentType: 'image/png', base64: png(100) } },
        'FORBIDDEN',
        undefined,
        token,
      );
      await rejects(
        CREATE_PROPOSAL,
        { input: { cadreId, proposedOn: '2026-11-27', proposedPost: '副县长', reason: '工作需要' } },
        'FORBIDDEN',
        undefined,
        token,
      );
    }
  });
});
