import { describe, expect, it } from 'vitest';
import { diffBoards } from '../../integration/sync/board-diff';

describe('board diff', () => {
  it('is empty when the board matches', () => {
    const board = { pullRequests: { '#1': { state: 'open', headSha: 'abc' } } };
    expect(diffBoards(board, structuredClone(board))).toEqual([]);
  });

  it('names each differing field, missing item and extra item', () => {
    const expected = {
      pullRequests: { '#1': { state: 'merged', headSha: 'abc' }, '#2': { state: 'open' } },
      production: { current: { deployment: 'dpl_2' } },
    };
    const actual = {
      pullRequests: { '#1': { state: 'open', headSha: 'abc' }, '#3': { state: 'open' } },
      production: { current: { deployment: 'dpl_2' } },
    };
    expect(diffBoards(expected, actual)).toEqual([
      'pullRequests #1: state is open, expected merged',
      'pullRequests #2: missing on the board (expected state=open)',
      'pullRequests #3: on the board but not at the provider (state=open)',
    ]);
  });

  it('reports a whole section the board lacks', () => {
    expect(diffBoards({ ciRuns: { '7': { conclusion: 'success' } } }, {})).toEqual([
      'ciRuns 7: missing on the board (expected conclusion=success)',
    ]);
  });
});
