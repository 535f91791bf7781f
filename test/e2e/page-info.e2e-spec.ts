import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit } from '../factories';
import { syncPostings } from './sync-fixtures';

/** PageInfo as the Relay cursor connections spec has it: both directions' flags and both cursors. */
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const CADRES = `query($filter: CadreFilter, $first: Int, $after: String) {
  cadres(filter: $filter, first: $first, after: $after) { totalCount ${PAGE_INFO} edges { cursor node { id } } } }`;
const RESULTS = `query($id: ID!, $first: Int, $after: String, $outcome: SyncOutcome) {
  syncRun(id: $id) { results(first: $first, after: $after, outcome: $outcome) {
    totalCount ${PAGE_INFO} edges { cursor node { index } } } } }`;

interface PageOut {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { id?: string; index?: number } }[];
}

/** Follows endCursor from the first page to the last, returning each page as read. */
async function walk(fetch: (after: string | null) => Promise<PageOut>): Promise<PageOut[]> {
  const pages: PageOut[] = [];
  let after: string | null = null;
  for (let n = 0; n < 50; n++) {
    const page = await fetch(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** The spec's invariants for every page of a forward walk over a list of `total` rows. */
function expectRelayPages(pages: PageOut[], total: number, first: number) {
  expect(pages).toHaveLength(Math.ceil(total / first));
  pages.forEach((page, i) => {
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo).toEqual({
      hasNextPage: i < pages.length - 1,
      hasPreviousPage: i > 0,
      startCursor: page.edges[0].cursor,
      endCursor: page.edges.at(-1)!.cursor,
    });
  });
}

describe('PageInfo (Relay cursor connections)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('cadres', () => {
    const tag = `PageInfo ${Math.random().toString(36).slice(2, 8)}`;
    beforeAll(async () => {
      for (let i = 0; i < 7; i++) await makeCadre(t.ds, { name: `${tag} ${i}` });
    });
    const list = async (first: number, after: string | null): Promise<PageOut> =>
      ok(await t.gql<{ cadres: PageOut }>(CADRES, { filter: { name: tag }, first, after })).cadres;

    it('gives each page its first and last cursor, and says rows come before every page but the first', async () => {
      const pages = await walk((after) => list(3, after));
      expectRelayPages(pages, 7, 3);
      expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    });

    it('a single page holding the whole list has nothing before or after it', async () => {
      const page = await list(100, null);
      expect(page.edges).toHaveLength(7);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    });

    it('the empty page after the last row has rows before it and no cursors', async () => {
      const whole = await list(100, null);
      const after = await list(3, whole.pageInfo.endCursor);
      expect(after).toEqual({
        totalCount: 7,
        pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
        edges: [],
      });
    });

    it('an empty list has no pages either side', async () => {
      const page = ok(await t.gql<{ cadres: PageOut }>(CADRES, { filter: { name: `${tag} none` } })).cadres;
      expect(page.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      });
    });
  });

  describe('sync run results (filtered by outcome)', () => {
    let runId: string;
    beforeAll(async () => {
      const town = await makeUnit(t.ds, { level: 'TOWNSHIP' });
      const cadre = await makeCadre(t.ds);
      // Five created postings and two rejected (unknown cadre), interleaved by index.
      const records = [0, 1, 2, 3, 4, 5, 6].map((i) => ({
        externalId: `PI-${i}`,
        cadreExternalId: i % 3 === 1 ? 'NOBODY' : cadre.externalId,
        unitCode: town.code,
        title: '副乡长',
        level: 'TOWNSHIP_DEPUTY',
        startDate: `${2000 + 2 * i}-01-01`,
        endDate: `${2001 + 2 * i}-06-30`,
      }));
      const token = t.token({ role: Role.HR_SYNC, source: 'hr-page-info' });
      runId = ok(await syncPostings(t, { source: 'hr-page-info', records }, token)).syncPostings.id;
    });
    const results = async (first: number, after: string | null, outcome?: string): Promise<PageOut> =>
      ok(await t.gql<{ syncRun: { results: PageOut } }>(RESULTS, { id: runId, first, after, outcome }))
        .syncRun.results;

    it('pages every result with the Relay flags and cursors', async () => {
      const pages = await walk((after) => results(2, after));
      expectRelayPages(pages, 7, 2);
      expect(pages.flatMap((p) => p.edges.map((e) => e.node.index))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('counts the rows before a page within the filter, not the whole run', async () => {
      const pages = await walk((after) => results(1, after, 'REJECTED'));
      expectRelayPages(pages, 2, 1);
      expect(pages.map((p) => p.edges[0].node.index)).toEqual([1, 4]);
    });
  });
});
