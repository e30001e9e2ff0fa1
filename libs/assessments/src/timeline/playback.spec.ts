import { decodeSnapshots, encodeSnapshot, StoredSnapshot } from './playback';

describe('code playback encoding', () => {
  const versions = [
    'function twoSum(nums, target) {\n}\n',
    'function twoSum(nums, target) {\n  const seen = new Map();\n}\n',
    'function twoSum(nums, target) {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n  }\n}\n',
    'function twoSum(nums, target) {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n  }\n}\n',
    'const twoSum = (nums, target) => {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n    seen.set(nums[i], i);\n  }\n};', // no final newline
    '',
    'print("x")',
  ];

  function encodeAll(codes: string[], fullEvery: number): StoredSnapshot[] {
    return codes.map((code, seq) => encodeSnapshot(seq, seq === 0 ? null : codes[seq - 1], code, fullEvery));
  }

  it.each([1, 3, 20])('replays every version exactly with a full copy every %i', (fullEvery) => {
    const rows = encodeAll(versions, fullEvery);
    expect(decodeSnapshots(rows)).toEqual(versions);
    expect(rows[0].full).toBe(true);
  });

  it('stores a small edit as a patch far smaller than the code, and no change as an empty body', () => {
    const big = Array.from({ length: 200 }, (_, i) => `const line${i} = ${i};`).join('\n');
    const edited = big.replace('const line100 = 100;', 'const line100 = 101;');
    const [, edit, same] = encodeAll([big, edited, edited], 20);
    expect(edit.full).toBe(false);
    expect(edit.body.length).toBeLessThan(big.length / 20);
    expect(same).toEqual({ seq: 2, full: false, body: '' });
  });

  it('refuses a chain that starts with a patch', () => {
    const big = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const rows = encodeAll([big, `${big}\nmore`], 20);
    expect(rows[1].full).toBe(false);
    expect(() => decodeSnapshots(rows.slice(1))).toThrow(/no full snapshot/);
  });
});
