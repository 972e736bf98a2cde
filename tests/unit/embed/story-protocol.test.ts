import { describe, expect, it } from 'vitest';
import { checkStoryStep, stepMessage, validateCommand } from '../../../src/lib/embed/protocol';

const STORIES = [{ id: 's', steps: [{}, {}, {}] }];

describe('the host API for stories', () => {
  it('reads goToStep with a step from 1 and an optional story', () => {
    expect(validateCommand({ v: 1, type: 'goToStep', id: 'a', payload: { step: 2 } })).toEqual({
      ok: true,
      command: { type: 'goToStep', id: 'a', story: null, step: 2 },
    });
    expect(validateCommand({ v: 1, type: 'goToStep', payload: { story: 's', step: 1 } })).toEqual({
      ok: true,
      command: { type: 'goToStep', id: null, story: 's', step: 1 },
    });
  });

  it('refuses a malformed goToStep with a reason', () => {
    const refused = (payload: unknown) => {
      const result = validateCommand({ v: 1, type: 'goToStep', id: 7, payload });
      return result.ok ? null : [result.message, result.inReplyTo];
    };
    expect(refused({ step: 0 })).toEqual(['goToStep: step must be a whole number from 1', 7]);
    expect(refused({ step: 1.5 })).toEqual(['goToStep: step must be a whole number from 1', 7]);
    expect(refused({ step: '2' })).toEqual(['goToStep: step must be a whole number from 1', 7]);
    expect(refused({ step: 1, story: 3 })).toEqual(['goToStep: story must be a string', 7]);
    expect(refused({ step: 1, extra: true })).toEqual([
      'goToStep payload has an unknown field "extra" (allowed: step, story)',
      7,
    ]);
    expect(refused(null)).toEqual(['goToStep: payload must be {step, story?}', 7]);
  });

  it('checks the story and step against the dataset and the story open', () => {
    expect(checkStoryStep(STORIES, null, { story: 's', step: 3 })).toBeNull();
    expect(checkStoryStep(STORIES, 's', { story: null, step: 1 })).toBeNull();
    expect(checkStoryStep(STORIES, null, { story: null, step: 1 })).toBe(
      'goToStep: no story is open; name one with "story"',
    );
    expect(checkStoryStep(STORIES, 's', { story: 'x', step: 1 })).toBe('unknown story id "x"');
    expect(checkStoryStep(STORIES, 's', { story: null, step: 4 })).toBe('story "s" has 3 steps; there is no step 4');
  });

  it('tells the host the step shown', () => {
    expect(stepMessage({ story: 's', step: 2, count: 3, heading: 'H' })).toEqual({
      v: 1,
      type: 'step',
      payload: { story: 's', step: 2, count: 3, heading: 'H' },
    });
  });
});
