// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './button';

afterEach(cleanup);

describe('Button', () => {
  it('is a plain button unless told to submit, so a form is never submitted by accident', () => {
    const onSubmit = vi.fn((event: Event) => event.preventDefault());
    render(
      <form onSubmit={(event) => onSubmit(event.nativeEvent)}>
        <Button>Browse…</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Browse…' }).getAttribute('type')).toBe('button');
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('type')).toBe('submit');
  });

  it('forwards the ref and every button prop (disabled, aria-pressed, handlers, extra class)', () => {
    const ref = createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    render(
      <Button ref={ref} aria-pressed="true" title="Pretty print" className="extra" onClick={onClick}>
        Pretty
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Pretty' });
    expect(ref.current).toBe(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.title).toBe('Pretty print');
    expect(button.classList.contains('extra')).toBe(true);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    render(<Button disabled>Working…</Button>);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Working…' }).disabled).toBe(true);
  });

  it('gives each variant and the small size a class of its own, and the plain button none of them', () => {
    render(
      <>
        <Button>Plain</Button>
        <Button variant="primary">Primary</Button>
        <Button variant="danger">Danger</Button>
        <Button variant="danger-quiet">Remove</Button>
        <Button variant="quiet">Quiet</Button>
        <Button size="small">Small</Button>
      </>,
    );
    const classes = (name: string) => [...screen.getByRole('button', { name }).classList];
    const base = classes('Plain');
    expect(base).toHaveLength(1);
    const extras = ['Primary', 'Danger', 'Remove', 'Quiet', 'Small'].map((name) => classes(name).filter((entry) => !base.includes(entry)));
    for (const extra of extras) expect(extra).toHaveLength(1);
    expect(new Set(extras.flat()).size).toBe(extras.length);
  });
});
