import { AnswerType, EducationStatus, PayPeriod, ScreeningOutcome, ScreeningQuestionKind } from './hiring.enums';

/** One hard skill a job asks for, as the job description groups them. */
export interface HardSkill {
  /** The description's group, e.g. "Programming Languages". */
  group: string;
  name: string;
  /** Relative importance in the skills match (> 0). */
  weight: number;
  /** Other spellings that count as this skill, e.g. "Postgres" for "SQL". */
  aliases: string[];
  /**
   * Alternatives: skills with the same label (e.g. "Backend language" on Python, Java and
   * Node.js) count once, at the best level the candidate lists among them and the group's
   * highest weight. Null: the skill counts on its own.
   */
  anyOf: string | null;
}

export interface ToolCategory {
  category: string;
  items: string[];
}

/**
 * How an answer is judged. Which fields apply depends on the question's kind and answer type
 * (the hiring lib's schema checks the combinations).
 */
export interface ScreeningRule {
  /** BOOLEAN: the answer that passes (knock-out) or earns the weight (scored). */
  requiredAnswer: boolean | null;
  /** CHOICE: options that pass (knock-out) or earn the weight (scored). */
  acceptedValues: string[];
  /** CHOICE knock-out: options a person must look at (neither pass nor fail). */
  reviewValues: string[];
  /** NUMBER: the value that passes (knock-out) or earns the full weight (scored; less earns a share). */
  passAt: number | null;
  /** Always null: free text is no longer scored by its length (kept so stored content parses). */
  minLength: number | null;
  /** SCORED: share of the screening score. */
  weight: number;
  /** KNOCKOUT: what the recruiter (and the candidate) read when it fails, after "Knock-out: ". */
  rejectionReason: string | null;
}

export interface ScreeningQuestion {
  /** Stable within a job: answers name it. */
  key: string;
  prompt: string;
  kind: ScreeningQuestionKind;
  answerType: AnswerType;
  required: boolean;
  /** CHOICE only: what the candidate picks from. */
  options: string[];
  /** NUMBER only: accepted range. */
  min: number | null;
  max: number | null;
  /** The requirement of the job description it comes from, e.g. "Prerequisite: ...". */
  source: string | null;
  /**
   * Why the job needs it: required of a knock-out (a rejection must be job-related), shown to
   * candidates beside the question.
   */
  justification: string | null;
  rule: ScreeningRule;
}

/** Pay shown on the public posting: many jurisdictions require it, and candidates look for it first. */
export interface PayRange {
  min: number;
  max: number;
  /** ISO 4217, e.g. "USD". */
  currency: string;
  period: PayPeriod;
}

/** Where the job is done: the country of employment (work authorization refers to it) and the countries a remote hire may work from. */
export interface Workplace {
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  country: string;
  /** ISO 3166-1 alpha-2 codes; empty: on site only. */
  remoteCountries: string[];
}

/** What a job template holds and a job copies (then edits). */
export interface JobContent {
  title: string;
  location: string;
  employmentType: string;
  about: string;
  responsibilities: string[];
  qualifications: string[];
  prerequisites: string[];
  hardSkills: HardSkill[];
  softSkills: string[];
  tools: ToolCategory[];
  perks: string[];
  screeningQuestions: ScreeningQuestion[];
  /** Screening scores below it send an application to REVIEW (0-1). */
  screeningThreshold: number;
  /** Null until a recruiter sets it; publishing without one is allowed, with a warning. */
  payRange: PayRange | null;
  /** Null until a recruiter sets it; publishing without one is allowed, with a warning. */
  workplace: Workplace | null;
}

export interface ApplicantSkill {
  name: string;
  /** Self-rated, 1 (beginner) to 5 (expert). */
  level: number;
}

export interface ApplicantProfile {
  name: string;
  email: string;
  education: { degree: string; field: string; status: EducationStatus; institution: string | null };
  /** Projects, open-source work, portfolio. */
  links: string[];
  skills: ApplicantSkill[];
}

export type AnswerValue = boolean | number | string;

export interface StoredAnswer {
  questionKey: string;
  value: AnswerValue;
}

export interface MatchedSkill {
  group: string;
  name: string;
  weight: number;
  level: number;
  /** The any-of label it counted for; null for a skill on its own. */
  anyOf: string | null;
  /** The candidate's own wording that matched. */
  matchedAs: string;
}

export interface MissingSkill {
  group: string;
  /** For an any-of group, its alternatives joined by " | ". */
  name: string;
  weight: number;
  anyOf: string | null;
}

export interface SkillsMatch {
  /** 0-1: weighted share of the job's hard skills, each counted at the candidate's level / 5. */
  score: number;
  matched: MatchedSkill[];
  missing: MissingSkill[];
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  reasons: string[];
  /** 0-1 over the scored questions; null when the job has none. */
  score: number | null;
}
