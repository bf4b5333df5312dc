// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UrlBarButton } from './url-bar-button';

afterEach(cleanup);

describe('UrlBarButton', () => {
  it('submits the bar only when told to, and its stop form is marked apart from the go form', () => {
    const onSubmit = vi.fn((event: Event) => event.preventDefault());
    render(
      <form aria-label="Request" onSubmit={(event) => onSubmit(event.nativeEvent)}>
        <UrlBarButton type="submit">Send</UrlBarButton>
        <UrlBarButton stop>Cancel</UrlBarButton>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const send = screen.getByRole('button', { name: 'Send' }).className.split(' ');
    const cancel = screen.getByRole('button', { name: 'Cancel' }).className.split(' ');
    expect(cancel).toEqual(expect.arrayContaining(send));
    expect(cancel.length).toBe(send.length + 1);
  });
});
