import { Field, ObjectType } from '@nestjs/graphql';

/**
 * What sign-up answers. No token and no user: the answer must be the same whether or not the
 * email already had an account, so the client logs in next (see docs/api.md, Accounts).
 */
@ObjectType('Registration')
export class RegistrationModel {
  @Field({ description: 'The email as stored (NFKC, trimmed, lower-cased): log in with it.' })
  email: string;

  @Field({ description: 'The same text for every sign-up, taken email or not.' })
  message: string;
}
