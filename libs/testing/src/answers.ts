/** Screening answers that pass the backend-engineer-intern template's questions (API and end-to-end stories). */
export const APPLY_ANSWERS = [
  { questionKey: 'work-authorization', value: 'true' },
  { questionKey: 'availability-months', value: '6' },
  { questionKey: 'degree-program', value: 'Yes, in Computer Science' },
  { questionKey: 'backend-language-proficiency', value: '4' },
  { questionKey: 'sql-experience', value: 'I used a SQL database in a project' },
  { questionKey: 'git-experience', value: 'true' },
  { questionKey: 'dsa-self-assessment', value: '4' },
  { questionKey: 'problem-solving-example', value: 'I profiled a slow endpoint, found an N+1 query and replaced it with one join.' },
];
