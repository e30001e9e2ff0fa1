import { HIRING_MANAGERS, Role, STAFF_ROLES } from './enums';

describe('role lists', () => {
  it('staff are every role but candidates; hiring managers are staff without interviewers', () => {
    expect(new Set(STAFF_ROLES)).toEqual(new Set(Object.values(Role).filter((r) => r !== Role.CANDIDATE)));
    expect(new Set(HIRING_MANAGERS)).toEqual(new Set(STAFF_ROLES.filter((r) => r !== Role.INTERVIEWER)));
  });
});
