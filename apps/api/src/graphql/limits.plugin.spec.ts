import { parse } from 'graphql';
import { queryDepth } from './limits.plugin';

describe('queryDepth', () => {
  it('counts nested selections', () => {
    expect(queryDepth(parse('{ a { b { c } } d }'))).toBe(3);
  });
  it('follows fragments and inline fragments', () => {
    expect(queryDepth(parse('{ a { ...F } } fragment F on A { b { ... on B { c { d } } } }'))).toBe(4);
  });
  it('picks the named operation', () => {
    const doc = parse('query One { a } query Two { a { b { c } } }');
    expect(queryDepth(doc, 'One')).toBe(1);
    expect(queryDepth(doc, 'Two')).toBe(3);
  });
  it('exempts introspection and __typename', () => {
    expect(queryDepth(parse('{ __typename __schema { types { fields { type { name } } } } a }'))).toBe(1);
  });
  it('does not loop on a fragment cycle', () => {
    expect(queryDepth(parse('{ ...F } fragment F on Q { a { ...F } }'))).toBe(1);
  });
});
