import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AppError, ErrorCode, FieldProblem } from '@app/common';
import { Permission, PERMISSION_ROLES, Role, STAFF_ROLES, UserEntity } from '@app/domain';
import { emailProblems, nameProblems, normalizeEmail, passwordProblems } from './account-policy';
import { AccountStatusCache } from './account-status.cache';
import { hashPassword } from './password';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  /** Replaces the account's permissions; each must suit its role (PERMISSION_ROLES). */
  permissions?: Permission[];
}

/** Which roles each role may create. Candidates sign up themselves; nobody else creates them. */
const CAN_CREATE: Record<Role, readonly Role[]> = {
  [Role.ADMIN]: [Role.ADMIN, Role.RECRUITER, Role.INTERVIEWER],
  [Role.RECRUITER]: [Role.RECRUITER, Role.INTERVIEWER],
  [Role.INTERVIEWER]: [],
  [Role.CANDIDATE]: [],
};

const isUniqueViolation = (e: unknown): boolean => e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message);

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly statuses: AccountStatusCache,
  ) {}

  /** Whether the account may do what the permission allows: admins always, others when granted. */
  async may(id: string, permission: Permission): Promise<boolean> {
    const user = await this.findById(id);
    return !!user && user.active && (user.role === Role.ADMIN || (PERMISSION_ROLES[permission].includes(user.role) && (user.permissions ?? []).includes(permission)));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.createQueryBuilder('u').whereInIds([...ids]).getMany() : Promise.resolve([]);
  }

  findWithHash(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  async list(opts: { role?: Role; limit: number; offset: number }): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      where: opts.role ? { role: opts.role } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      take: opts.limit,
      skip: opts.offset,
    });
    return { items, total };
  }

  /**
   * Candidate sign-up. Answers the same whether or not the email is taken, so sign-up is not an
   * oracle for who has an account: an existing email costs the same argon2 hash and is left
   * untouched. Returns the normalized email.
   */
  async register(input: Omit<NewUser, 'role'>): Promise<string> {
    const user = this.checked({ ...input, role: Role.CANDIDATE });
    const passwordHash = await hashPassword(input.password);
    if (await this.users.existsBy({ email: user.email })) return user.email;
    try {
      await this.users.insert(this.users.create({ ...user, passwordHash, active: true, tokenVersion: 0 }));
    } catch (e) {
      // Two sign-ups racing on one email: the unique index decides, and the loser answers alike.
      if (!isUniqueViolation(e)) throw e;
    }
    return user.email;
  }

  async createStaff(actorRole: Role, input: NewUser): Promise<UserEntity> {
    if (!CAN_CREATE[actorRole].includes(input.role)) {
      throw AppError.forbidden(`A ${actorRole} cannot create ${input.role} accounts`);
    }
    return this.create(input);
  }

  /** Creates the first admin (or resets nothing if the email exists). Returns true when created. */
  async ensureAdmin(email: string, password: string, name = 'Administrator'): Promise<boolean> {
    const existing = await this.users.findOneBy({ email: normalizeEmail(email) });
    if (existing) return false;
    await this.create({ email, password, name, role: Role.ADMIN });
    return true;
  }

  /** Seeding only: creates an account of any role. */
  seed(input: NewUser): Promise<UserEntity> {
    return this.create(input);
  }

  /**
   * Admin edits: name, and role among the staff roles. A candidate's account holds applications
   * and attempts, so it never becomes staff (nor staff a candidate): create another account.
   * The role is read from the database on every request, so the change applies at once.
   */
  async update(actorId: string, id: string, changes: UserChanges): Promise<UserEntity> {
    const user = await this.mustFind(id);
    const problems: FieldProblem[] = [];
    if (changes.name !== undefined) problems.push(...nameProblems(changes.name));
    if (changes.role !== undefined && changes.role !== user.role) {
      if (id === actorId) throw AppError.precondition('You cannot change your own role: ask another admin');
      if (!STAFF_ROLES.includes(changes.role) || !STAFF_ROLES.includes(user.role)) {
        problems.push({ field: 'role', message: 'only staff accounts change role, and only among ADMIN, RECRUITER, INTERVIEWER' });
      }
    }
    const role = changes.role ?? user.role;
    // A role change drops the permissions the new role cannot hold.
    const permissions = (changes.permissions ?? user.permissions ?? []).filter((p) => changes.permissions !== undefined || PERMISSION_ROLES[p].includes(role));
    for (const p of changes.permissions ?? []) {
      if (!PERMISSION_ROLES[p].includes(role)) problems.push({ field: 'permissions', message: `${p} can be granted to ${PERMISSION_ROLES[p].join(', ')} accounts only` });
    }
    if (problems.length) throw AppError.badInput(problems);
    await this.users.update(
      { id },
      { ...(changes.name !== undefined && { name: changes.name.trim() }), ...(changes.role && { role: changes.role }), permissions: [...new Set(permissions)] },
    );
    this.statuses.invalidate(id);
    return this.mustFind(id);
  }

  /**
   * Deactivation refuses logins and revokes every token issued before (token version bump);
   * reactivation lets the owner log in again but brings no old token back.
   */
  async setActive(actorId: string, id: string, active: boolean): Promise<UserEntity> {
    if (id === actorId && !active) throw AppError.precondition('You cannot deactivate your own account: ask another admin');
    const user = await this.mustFind(id);
    if (user.active !== active) {
      await this.users.update({ id }, active ? { active } : { active, tokenVersion: () => '"tokenVersion" + 1' });
      this.statuses.invalidate(id);
    }
    return this.mustFind(id);
  }

  /** How an owner who lost their password gets back in: an admin sets a new one. Ends every session. */
  async resetPassword(id: string, password: string): Promise<UserEntity> {
    const user = await this.mustFind(id);
    const problems = passwordProblems(password, user.email);
    if (problems.length) throw AppError.badInput(problems);
    await this.users.update({ id }, { passwordHash: await hashPassword(password), tokenVersion: () => '"tokenVersion" + 1' });
    this.statuses.invalidate(id);
    return this.mustFind(id);
  }

  /** Ends every session of the account (its owner's "log out everywhere"): token version bump. */
  async endSessions(id: string): Promise<void> {
    await this.users.update({ id }, { tokenVersion: () => '"tokenVersion" + 1' });
    this.statuses.invalidate(id);
  }

  private async mustFind(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('User', id);
    return user;
  }

  /** Applies the account policy; returns the input with the email normalized and the name trimmed. */
  private checked(input: NewUser): Omit<NewUser, 'password'> {
    const email = normalizeEmail(input.email);
    const problems = [...emailProblems(input.email), ...nameProblems(input.name), ...passwordProblems(input.password, email)];
    if (problems.length) throw AppError.badInput(problems);
    return { email, name: input.name.trim(), role: input.role };
  }

  private async create(input: NewUser): Promise<UserEntity> {
    const user = this.checked(input);
    // Staff creation and seeding are not public: their callers may learn that an email is taken.
    if (await this.users.existsBy({ email: user.email })) {
      throw new AppError(ErrorCode.CONFLICT, `An account with email ${user.email} already exists`);
    }
    const entity = this.users.create({ ...user, passwordHash: await hashPassword(input.password), active: true, tokenVersion: 0 });
    try {
      const saved = await this.users.save(entity);
      delete (saved as Partial<UserEntity>).passwordHash;
      return saved;
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(ErrorCode.CONFLICT, `An account with email ${user.email} already exists`);
      throw e;
    }
  }
}
