import type { Request } from 'autocannon';
import { randomUUID } from 'node:crypto';

export interface Written {
  cadres: string[];
  trainings: string[];
}

export interface Tally {
  graphqlErrors: Record<string, number>;
  reads: number;
  writes: number;
}

const READ_PAGE = `query Page($name: String) { cadres(first: 20, filter: { name: $name }) {
  totalCount edges { node { id name postings { title level startDate unit { name } } } } } }`;
const READ_ONE = `query One($id: ID!) { cadre(id: $id) { id name
  postings { title startDate endDate durationYears unit { name level } } trainings { title classHours } } }`;
const READ_UNITS = `query Units { units { id code name level parent { name } } }`;
const CREATE_CADRE = `mutation NewCadre($input: CreateCadreInput!) { createCadre(input: $input) { id } }`;
const RECORD_TRAINING = `mutation NewTraining($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }`;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const body = (query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ query, variables });

/**
 * One connection's request cycle: 7 reads, 3 writes. Every write the service acknowledges is remembered, to be
 * looked up in the database afterwards.
 */
export function requestCycle(cadreIds: readonly string[], written: Written, tally: Tally): Request[] {
  const acknowledged =
    (kind: 'cadres' | 'trainings', field: string) =>
    (status: number, text: string): void => {
      tally.writes += 1;
      record(tally, text);
      if (status !== 200) return;
      const id = (JSON.parse(text) as { data?: Record<string, { id?: string } | null> | null }).data?.[field]
        ?.id;
      if (id) written[kind].push(id);
    };
  const post = (make: () => string, onResponse: (status: number, text: string) => void): Request => ({
    method: 'POST',
    path: '/graphql',
    setupRequest: (req: Request) => ({ ...req, body: make() }),
    onResponse,
  });
  const read = (make: () => string): Request =>
    post(make, (_status: number, text: string) => {
      tally.reads += 1;
      record(tally, text);
    });
  /** A mutation: `field` names the created record's id, kept as `kind` once the write is acknowledged. */
  const write = (kind: 'cadres' | 'trainings', field: string, make: () => string): Request =>
    post(make, acknowledged(kind, field));
  return [
    read(() => body(READ_PAGE, { name: pick(['张', '李', '王', 'Cadre', '']) })),
    read(() => body(READ_ONE, { id: pick(cadreIds) })),
    write('trainings', 'recordTraining', () =>
      body(RECORD_TRAINING, {
        input: {
          cadreId: pick(cadreIds),
          title: `Load ${randomUUID().slice(0, 8)}`,
          kind: pick(['PARTY_SCHOOL', 'ONLINE', 'ON_THE_JOB']),
          startDate: '2025-03-01',
          endDate: '2025-03-05',
          classHours: 24,
        },
      }),
    ),
    read(() => body(READ_UNITS, {})),
    read(() => body(READ_ONE, { id: pick(cadreIds) })),
    write('cadres', 'createCadre', () =>
      body(CREATE_CADRE, {
        input: {
          externalId: `LT-${randomUUID()}`,
          name: `Load ${randomUUID().slice(0, 6)}`,
          gender: pick(['FEMALE', 'MALE']),
          birthDate: '1988-04-12',
          workStartDate: '2010-07-01',
          educationLevel: 'BACHELOR',
        },
      }),
    ),
    read(() => body(READ_PAGE, { name: null })),
    read(() => body(READ_ONE, { id: pick(cadreIds) })),
    write('trainings', 'recordTraining', () =>
      body(RECORD_TRAINING, {
        input: {
          cadreId: pick(cadreIds),
          title: `Load ${randomUUID().slice(0, 8)}`,
          kind: 'ONLINE',
          startDate: '2024-11-11',
          endDate: '2024-11-11',
          classHours: 3.5,
        },
      }),
    ),
    read(() => body(READ_UNITS, {})),
  ];
}

function record(tally: Tally, text: string): void {
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    for (const e of parsed.errors ?? []) {
      const code = e.extensions?.code ?? 'NO_CODE';
      tally.graphqlErrors[code] = (tally.graphqlErrors[code] ?? 0) + 1;
    }
  } catch {
    tally.graphqlErrors.NOT_JSON = (tally.graphqlErrors.NOT_JSON ?? 0) + 1;
  }
}
