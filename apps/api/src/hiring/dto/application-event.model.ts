import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorRole, ApplicationEventKind, ApplicationStage, ScreeningOutcome } from '@app/domain';

registerEnumType(ApplicationEventKind, { name: 'ApplicationEventKind' });
registerEnumType(ActorRole, { name: 'ActorRole', description: 'A role, or SYSTEM for the automatic screening' });

@ObjectType('ApplicationEvent', {
  description: 'One step of an application\'s history. Candidates see their stage moves only, with who and why only for their own moves and knock-out rejections.',
})
export class ApplicationEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1, 2, 3... in the order things happened' })
  seq: number;

  @Field(() => ApplicationEventKind)
  kind: ApplicationEventKind;

  @Field(() => ApplicationStage, { nullable: true, description: 'Null for the application itself' })
  fromStage: ApplicationStage | null;

  @Field(() => ApplicationStage)
  toStage: ApplicationStage;

  @Field(() => ScreeningOutcome, { nullable: true })
  fromOutcome: ScreeningOutcome | null;

  @Field(() => ScreeningOutcome, { nullable: true })
  toOutcome: ScreeningOutcome | null;

  @Field(() => ID, { nullable: true, description: 'Null for SYSTEM (and, for candidates, for staff actors)' })
  actorId: string | null;

  @Field(() => ActorRole)
  actorRole: ActorRole;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  at: Date;
}
