import { wantsPrettyLogs } from './logger';

describe('wantsPrettyLogs', () => {
  it('is pretty only for a terminal outside production', () => {
    expect(wantsPrettyLogs(false, { isTTY: true })).toBe(true);
    expect(wantsPrettyLogs(true, { isTTY: true })).toBe(false);
    expect(wantsPrettyLogs(false, { isTTY: false })).toBe(false);
    // A pipe or a file: Node leaves isTTY undefined.
    expect(wantsPrettyLogs(false, {})).toBe(false);
  });
});
