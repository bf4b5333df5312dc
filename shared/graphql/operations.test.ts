import { describe, expect, it } from 'vitest';
import { isSubscription, listOperations, selectedOperation } from './operations';

describe('GraphQL operations', () => {
  it('lists named and anonymous operations with their types', () => {
    expect(listOperations('query A { a } mutation B { b } subscription { c } fragment F on T { x }')).toEqual([
      { name: 'A', type: 'query' },
      { name: 'B', type: 'mutation' },
      { name: null, type: 'subscription' },
    ]);
    expect(listOperations('{ hello }')).toEqual([{ name: null, type: 'query' }]);
  });

  it('still finds operations while the document does not parse (the user is typing)', () => {
    expect(listOperations('query Users { users { \n subscription Ticks { ticks')).toEqual([
      { name: 'Users', type: 'query' },
      { name: 'Ticks', type: 'subscription' },
    ]);
    // words inside strings and comments are not operations
    expect(listOperations('# subscription Nope\n{ hello(name: "query X") ')).toEqual([{ name: null, type: 'query' }]);
  });

  it('selects the named operation, or the only one; ambiguity gives null', () => {
    const doc = 'query A { a } subscription B { b }';
    expect(selectedOperation(doc, 'B')).toEqual({ name: 'B', type: 'subscription' });
    expect(selectedOperation(doc, '')).toBeNull();
    expect(selectedOperation(doc, 'C')).toBeNull();
    expect(isSubscription('subscription { countdown }', '')).toBe(true);
    expect(isSubscription(doc, 'A')).toBe(false);
  });
});
