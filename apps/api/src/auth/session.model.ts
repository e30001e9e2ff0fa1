import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

@ObjectType('Session')
export class SessionModel {
  @Field({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}

@ObjectType('CookieSession', { description: 'The web app session: the token is in an httpOnly cookie, never in the response.' })
export class CookieSessionModel {
  @Field({ description: 'When the session cookie expires' })
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}
