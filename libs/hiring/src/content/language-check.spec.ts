import type { JobContent } from '@app/domain';
import { loadTemplateFiles } from '../templates/template-files';
import { checkJobLanguage } from './language-check';
import { promptFor } from './publishing-warnings';

describe('checkJobLanguage', () => {
  it('warns on jargon, age-coded, ableist and exclusionary wording, naming the field, the word and an alternative', () => {
    const check = checkJobLanguage({
      title: 'Rockstar Backend Ninja',
      about: 'Join a young team of digital natives. Sanity check your code; culture fit matters.',
      responsibilities: ['Ship fast', 'Work with the guys on call'],
    });
    const seen = check.warnings.map((w) => [w.field, w.word, w.category]);
    expect(seen).toEqual([
      ['title', 'rockstar', 'jargon'],
      ['title', 'ninja', 'jargon'],
      ['about', 'young', 'age-coded'],
      ['about', 'digital natives', 'age-coded'],
      ['about', 'sanity check', 'ableist'],
      ['about', 'culture fit', 'exclusionary'],
      ['responsibilities[1]', 'guys', 'exclusionary'],
    ]);
    const rockstar = check.warnings[0];
    expect(rockstar.suggestion).toBe('skilled engineer');
    expect(rockstar.why).toMatch(/jargon/i);
    expect(rockstar.source).toMatch(/atlassian/i);
  });

  it('counts gender-coded words by stem (Gaucher et al. 2011) and reports the balance', () => {
    const check = checkJobLanguage({
      about: 'A competitive, self-confident leader, dominant in the market. We support each other.',
    });
    expect(check.warnings.map((w) => [w.word, w.term])).toEqual([
      ['competitive', 'compet*'],
      ['self-confident', 'self-confiden*'],
      ['leader', 'lead*'],
      ['dominant', 'dominan*'],
    ]);
    expect(check.masculineCoded).toBe(check.warnings.length);
    expect(check.feminineCoded).toBe(1);
    expect(check.summary).toMatch(/leans masculine-coded \(\d masculine-coded vs 1 feminine-coded/);
  });

  it('reads hyphenated compounds by their parts and ignores case and curly apostrophes', () => {
    const check = checkJobLanguage({ about: 'Well-CONNECTED, AGGRESSIVE timelines; we’re a Rock Star team' });
    expect(check.warnings.map((w) => w.term)).toEqual(['aggress*', 'rock star']);
    expect(check.feminineCoded).toBe(1);
  });

  it('looks at screening prompts and options, not at names of skills', () => {
    const check = checkJobLanguage({
      hardSkills: [{ group: 'Languages', name: 'Competitive programming', weight: 1, aliases: [], anyOf: null }],
      screeningQuestions: [
        { key: 'q', prompt: 'Are you a native English speaker?', options: ['Yes', 'No'] } as JobContent['screeningQuestions'][number],
      ],
    });
    expect(check.warnings.map((w) => [w.field, w.word])).toEqual([['screeningQuestions[0].prompt', 'native english speaker']]);
  });

  it('finds nothing to warn about in clean text', () => {
    const check = checkJobLanguage({ title: 'Backend Engineer Intern', about: 'Build and test HTTP services in a small team.' });
    expect(check.warnings).toEqual([]);
    expect(check.summary).toBe('The posting is balanced in gender-coded words (0 each); no age-coded, ableist, exclusionary or jargon wording found.');
  });

  it('gives the shipped template a short list (the seed job is the first posting users see)', () => {
    const template = loadTemplateFiles()[0];
    const check = checkJobLanguage(template.content);
    // Pinned so a change to the template or the lists is looked at, not noticed by accident.
    expect(check.warnings.filter((w) => w.category !== 'masculine-coded')).toEqual([]);
    expect(check.masculineCoded).toBeLessThanOrEqual(6);
  });
});

describe('promptFor (the country of employment, named)', () => {
  it('names the country, and the remote countries, where a prompt says "the country of employment"', () => {
    const q = 'Are you authorized to work in the country of employment?';
    expect(promptFor(q, null)).toBe(q);
    expect(promptFor(q, { country: 'FR', remoteCountries: [] })).toBe('Are you authorized to work in France (the country of employment)?');
    expect(promptFor(q, { country: 'US', remoteCountries: ['CA', 'US'] })).toBe('Are you authorized to work in United States or, remotely, Canada (the country of employment)?');
    expect(promptFor('How many months are you available?', { country: 'FR', remoteCountries: [] })).toBe('How many months are you available?');
  });
});
