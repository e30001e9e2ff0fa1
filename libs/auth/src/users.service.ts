import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AppError, ErrorCode } from '@app/common';
import { Role, UserEntity } from '@app/domain';
import { hashPassword } from './password';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Which roles each role may create. Candidates sign up themselves; nobody else creates them. */
const CAN_CREATE: Record<Role, readonly Role[]> = {
  [Role.ADMIN]: [Role.ADMIN, Role.RECRUITER, Role.INTERVIEWER],
  [Role.RECRUITER]: [Role.RECRUITER, Role.INTERVIEWER],
  [Role.INTERVIEWER]: [],
  [Role.CANDIDATE]: [],
};

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

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
      .where('u.email = :email', { email: email.trim().toLowerCase() })
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

  register(input: Omit<NewUser, 'role'>): Promise<UserEntity> {
    return this.create({ ...input, role: Role.CANDIDATE });
  }

  async createStaff(actorRole: Role, input: NewUser): Promise<UserEntity> {
    if (!CAN_CREATE[actorRole].includes(input.role)) {
      throw AppError.forbidden(`A ${actorRole} cannot create ${input.role} accounts`);
    }
    return this.create(input);
  }

  /** Creates the first admin (or resets nothing if the email exists). Returns true when created. */
  async ensureAdmin(email: string, password: string, name = 'Administrator'): Promise<boolean> {
    const existing = await this.users.findOneBy({ email: email.toLowerCase() });
    if (existing) return false;
    await this.create({ email, password, name, role: Role.ADMIN });
    return true;
  }

  /** Seeding only: creates an account of any role. */
  seed(input: NewUser): Promise<UserEntity> {
    return this.create(input);
  }

  private async create(input: NewUser): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    if (await this.users.existsBy({ email })) {
      throw new AppError(ErrorCode.CONFLICT, `An account with email ${email} already exists`);
    }
    const entity = this.users.create({
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: true,
    });
    try {
      const saved = await this.users.save(entity);
      delete (saved as Partial<UserEntity>).passwordHash;
      return saved;
    } catch (e) {
      // Two sign-ups racing on the same email: the unique index decides.
      if (e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message)) {
        throw new AppError(ErrorCode.CONFLICT, `An account with email ${email} already exists`);
      }
      throw e;
    }
  }
}
