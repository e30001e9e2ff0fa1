export enum Role {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  INTERVIEWER = 'INTERVIEWER',
  CANDIDATE = 'CANDIDATE',
}

export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.RECRUITER, Role.INTERVIEWER];
