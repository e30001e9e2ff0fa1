import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LanguageWarning', { description: 'A word or phrase in the posting that may put some applicants off (advice; publishing is not blocked)' })
export class LanguageWarningModel {
  @Field({ description: 'Where it was found, e.g. "about", "responsibilities[2]", "screeningQuestions[0].prompt"' })
  field: string;

  @Field({ description: 'As written in the posting (lower-cased)' })
  word: string;

  @Field({ description: 'The list entry it matched; a trailing * matches any word starting with it' })
  term: string;

  @Field({ description: 'masculine-coded, age-coded, ableist, exclusionary or jargon' })
  category: string;

  @Field({ description: 'Why it matters, from the research behind the list' })
  why: string;

  @Field(() => String, { nullable: true, description: 'A suggested alternative' })
  suggestion: string | null;

  @Field({ description: 'Citation of the word list' })
  source: string;
}

@ObjectType('LanguageCheck', { description: 'The inclusive-language check of a job posting (libs/hiring/data/inclusive-language.json)' })
export class LanguageCheckModel {
  @Field(() => [LanguageWarningModel])
  warnings: LanguageWarningModel[];

  @Field(() => Int, { description: 'Masculine-coded words (Gaucher, Friesen & Kay, 2011); each is also a warning' })
  masculineCoded: number;

  @Field(() => Int, { description: 'Feminine-coded words: counted for balance, not warned about' })
  feminineCoded: number;

  @Field({ description: 'One sentence: the balance and what to review' })
  summary: string;
}
