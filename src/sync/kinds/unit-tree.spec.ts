import { UnitRecordInput } from '../dto/unit-record.input';
import { parentCycles, writeOrder } from './unit-tree';

const rec = (index: number, code: string, parentCode: string | null) => ({
  index,
  record: Object.assign(new UnitRecordInput(), {
    code,
    name: code,
    level: 'TOWNSHIP',
    kind: 'GOVERNMENT',
    parentCode,
  }),
});

describe('parentCycles', () => {
  it('finds the records on a cycle, not those hanging off it', () => {
    const records = [
      rec(0, 'A', 'B'),
      rec(1, 'B', 'C'),
      rec(2, 'C', 'A'),
      rec(3, 'D', 'A'),
      rec(4, 'E', null),
    ];
    expect(parentCycles(records)).toEqual([0, 1, 2]);
  });

  it('accepts parents outside the batch and roots', () => {
    expect(parentCycles([rec(0, 'A', 'KNOWN'), rec(1, 'B', 'A'), rec(2, 'C', null)])).toEqual([]);
  });
});

describe('writeOrder', () => {
  it('puts every parent written in the same batch before its children', () => {
    const rows = [
      { code: 'V', parentCode: 'T' },
      { code: 'T', parentCode: 'C' },
      { code: 'C', parentCode: null },
      { code: 'X', parentCode: 'ELSEWHERE' },
    ];
    expect(writeOrder(rows)).toEqual([['C', 'X'], ['T'], ['V']]);
  });
});
