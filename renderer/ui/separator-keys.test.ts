import { describe, expect, it } from 'vitest';
import { clampTo, separatorValueForKey } from './separator-keys';

const range = { min: 200, max: 600, step: 16, bigStep: 64 };

describe('separatorValueForKey', () => {
  it('moves a vertical separator with Left/Right and a horizontal one with Up/Down', () => {
    expect(separatorValueForKey('ArrowRight', false, 300, range, 'vertical')).toBe(316);
    expect(separatorValueForKey('ArrowLeft', true, 300, range, 'vertical')).toBe(236);
    expect(separatorValueForKey('ArrowDown', false, 300, range, 'vertical')).toBeNull();
    expect(separatorValueForKey('ArrowDown', false, 300, range, 'horizontal')).toBe(316);
    expect(separatorValueForKey('ArrowUp', false, 300, range, 'horizontal')).toBe(284);
  });

  it('stops at the ends, and Home/End go to them', () => {
    expect(separatorValueForKey('ArrowLeft', true, 210, range, 'vertical')).toBe(200);
    expect(separatorValueForKey('ArrowRight', true, 590, range, 'vertical')).toBe(600);
    expect(separatorValueForKey('Home', false, 400, range, 'vertical')).toBe(200);
    expect(separatorValueForKey('End', false, 400, range, 'vertical')).toBe(600);
    expect(separatorValueForKey('Enter', false, 400, range, 'vertical')).toBeNull();
  });
});

describe('clampTo', () => {
  it('answers with the minimum when the range is squeezed below it', () => {
    expect(clampTo({ min: 0.6, max: 0.4 }, 0.5)).toBe(0.6);
    expect(clampTo({ min: 0.2, max: 0.8 }, 0.9)).toBe(0.8);
  });
});
