import { describe, expect, it } from 'vitest';
import { parseYesNo, yesNoCell } from '../../src/platform/files/cell-values.ts';

describe('parseYesNo reads a yes/no cell', () => {
  it.each<[string, boolean | string | undefined | null, boolean | null]>([
    ['是 is yes', '是', true],
    ['否 is no', '否', false],
    ['true in any case is yes', 'TRUE', true],
    ['false is no', 'false', false],
    ['1 is yes', '1', true],
    ['0 is no', '0', false],
    ['Y is yes', 'Y', true],
    ['n is no', 'n', false],
    ['yes is yes', 'Yes', true],
    ['no is no', 'NO', false],
    ['spaces around are ignored', ' 是 ', true],
    ['an empty cell is no (the columns default to false)', '', false],
    ['a blank cell is no', '   ', false],
    ['a missing cell is no', undefined, false],
    ['null is no', null, false],
    ['a JSON true stays true', true, true],
    ['a JSON false stays false', false, false],
    ['anything else is not a yes/no', '也许', null],
    ['2 is not a yes/no', '2', null],
    ['是的 is not a yes/no (only the exact word)', '是的', null],
    ['t alone is not a yes/no', 't', null],
  ])('%s', (_title, value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });

  it.each([true, false])('reads back what an export writes for %s', (value) => {
    expect(parseYesNo(yesNoCell(value))).toBe(value);
  });
});
