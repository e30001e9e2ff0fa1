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
